package io.nagare.schemas;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/** The custom format {@code iso-4217}: an alphabetic currency code the JDK knows ({@code JPY}, {@code EUR}, ...). */
final class Iso4217Format implements Format {

    static final String NAME = "iso-4217";

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return CODES.contains(value);
    }
}
