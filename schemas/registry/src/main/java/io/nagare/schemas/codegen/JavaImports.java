package io.nagare.schemas.codegen;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The imports of one generated file. A type whose simple name is taken by a generated type of the same file
 * (a nested {@code Currency} record, say) is written fully qualified instead of imported.
 */
final class JavaImports {

    private final Set<String> localNames;
    private final SortedSet<String> imports = new TreeSet<>();

    JavaImports(Set<String> localNames) {
        this.localNames = Set.copyOf(localNames);
    }

    /** How the file refers to {@code qualifiedName}. */
    String use(String qualifiedName) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        if (localNames.contains(simpleName)) {
            return qualifiedName;
        }
        if (!qualifiedName.equals("java.lang." + simpleName)) {
            imports.add(qualifiedName);
        }
        return simpleName;
    }

    /** The import block: {@code java.*} first, then the rest, separated by a blank line. */
    String block() {
        String jdk = imports.stream().filter(i -> i.startsWith("java.")).map(i -> "import " + i + ";\n")
                .collect(Collectors.joining());
        String others = imports.stream().filter(i -> !i.startsWith("java.")).map(i -> "import " + i + ";\n")
                .collect(Collectors.joining());
        return jdk + (jdk.isEmpty() || others.isEmpty() ? "" : "\n") + others;
    }
}
