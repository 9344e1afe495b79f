package io.nagare.local.lambda;

import java.lang.reflect.Type;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * The serializer the Lambda Java runtime picks for a handler's input or output type: the event serializers (with
 * their mixins and date modules) for the {@code aws-lambda-java-events} types, Jackson with the runtime's settings
 * for everything else. Both come from {@code aws-lambda-java-serialization}, the library the runtime itself uses.
 */
final class LambdaSerializers {

    private LambdaSerializers() {
    }

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> forType(Type type, ClassLoader classLoader) {
        if (type instanceof Class<?> clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) clazz, classLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
