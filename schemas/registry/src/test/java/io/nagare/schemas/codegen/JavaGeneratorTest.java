package io.nagare.schemas.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates the ParcelSorted fixture, compiles it as the build would, and checks the records behave. */
class JavaGeneratorTest {

    private static final String V1 = "io.nagare.events.logisticshub.v1.ParcelSorted";

    @TempDir
    static Path workDirectory;

    private static Map<String, String> sources;
    private static List<String> compilerMessages;
    private static ClassLoader compiled;

    @BeforeAll
    static void generateAndCompile() throws Exception {
        List<GeneratedFile> files = TargetLanguage.JAVA.generate(CodegenFixtures.parcelRegistry());
        sources = files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
        Path sourceDirectory = workDirectory.resolve("src");
        Path classDirectory = Files.createDirectories(workDirectory.resolve("classes"));
        List<File> sourceFiles = files.stream().map(file -> file.writeTo(sourceDirectory).toFile()).toList();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String jacksonAnnotations = Path.of(JsonProperty.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            javac.getTask(null, fileManager, diagnostics,
                    List.of("-Xlint:all", "--release", "17", "-classpath", jacksonAnnotations,
                            "-d", classDirectory.toString()),
                    null, fileManager.getJavaFileObjectsFromFiles(sourceFiles)).call();
        }
        compilerMessages = diagnostics.getDiagnostics().stream()
                .map(d -> d.getKind() + " " + d.getSource().getName() + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
                .toList();
        compiled = new URLClassLoader(new URL[] {classDirectory.toUri().toURL()}, JavaGeneratorTest.class.getClassLoader());
    }

    @Test
    void generate_shouldPlaceEachVersionInItsOwnersVersionPackage_whenTheOwnerNameHasAHyphen() {
        assertThat(sources.keySet()).containsExactlyInAnyOrder(
                "io/nagare/events/logisticshub/v1/ParcelSorted.java",
                "io/nagare/events/logisticshub/v2/ParcelSorted.java",
                "io/nagare/events/EventTypes.java");
    }

    @Test
    void generate_shouldCompileWithoutAnyWarning_whenTheSchemaUsesEverySupportedConstruct() {
        assertThat(compilerMessages).isEmpty();
    }

    @Test
    void records_shouldUseExactJavaTypes_forEachSchemaType() throws Exception {
        Map<String, String> components = componentTypes(V1);

        assertThat(components).containsEntry("bay", "java.lang.Integer")
                .containsEntry("count", "java.lang.Long")
                .containsEntry("sortedAt", Instant.class.getName())
                .containsEntry("businessDay", LocalDate.class.getName())
                .containsEntry("parcels", "java.util.List<" + V1 + "$Parcel>")
                .containsEntry("labels", "java.util.List<java.lang.String>")
                .containsEntry("fee", V1 + "$Currency")
                .containsEntry("status", V1 + "$Status")
                .containsEntry("schemaKind", "java.lang.String")
                .containsEntry("express", "java.lang.Boolean")
                .containsEntry("class_", "java.lang.String")
                .containsEntry("orderRef", "java.lang.String");
        assertThat(componentTypes(V1 + "$Parcel")).containsEntry("weightKg", BigDecimal.class.getName());
        assertThat(componentTypes(V1 + "$Currency")).containsEntry("amount", BigDecimal.class.getName())
                .containsEntry("currency", Currency.class.getName());
    }

    @Test
    void records_shouldKeepTheJsonName_whenItIsNotAJavaName() throws Exception {
        Class<?> record = compiled.loadClass(V1);
        Class<?> status = compiled.loadClass(V1 + "$Status");

        assertThat(record.getDeclaredField("class_").getAnnotation(JsonProperty.class).value()).isEqualTo("class");
        assertThat(record.getDeclaredField("orderRef").getAnnotation(JsonProperty.class).value()).isEqualTo("order-ref");
        assertThat(status.getField("IN_TRANSIT").getAnnotation(JsonProperty.class).value()).isEqualTo("in-transit");
        assertThat(status.getField("SORTED").getAnnotation(JsonProperty.class)).isNull();
    }

    @Test
    void records_shouldIgnoreUnknownProperties_onlyWhereTheSchemaLeavesTheObjectOpen() throws Exception {
        assertThat(compiled.loadClass(V1 + "$CarrierHints").getAnnotation(JsonIgnoreProperties.class).ignoreUnknown())
                .isTrue();
        assertThat(compiled.loadClass(V1).getAnnotation(JsonIgnoreProperties.class)).isNull();
        assertThat(compiled.loadClass(V1 + "$Parcel").getAnnotation(JsonIgnoreProperties.class)).isNull();
    }

    @Test
    void constructor_shouldNameTheMissingProperty_whenARequiredValueIsNull() throws Throwable {
        Class<?> parcel = compiled.loadClass(V1 + "$Parcel");
        Constructor<?> constructor = canonicalConstructor(parcel);

        assertThatThrownBy(() -> construct(constructor, "P-1", null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ParcelSorted.Parcel.weightKg is required");
        assertThat(construct(constructor, "P-1", new BigDecimal("1.50"), null)).isNotNull();
    }

    @Test
    void records_shouldCarryTheirEventMetadata_asConstants() throws Exception {
        Class<?> record = compiled.loadClass(V1);

        assertThat(record.getField("DETAIL_TYPE").get(null)).isEqualTo("ParcelSorted");
        assertThat(record.getField("SOURCE").get(null)).isEqualTo("nagare.logistics-hub");
        assertThat(record.getField("VERSION").get(null)).isEqualTo(1);
        assertThat(record.getField("SCHEMA_ID").get(null)).isEqualTo("https://schemas.nagare.io/events/ParcelSorted/v1");
    }

    @Test
    void eventTypes_shouldFindEachVersionAndTheLatest_byDetailType() throws Exception {
        Class<?> eventTypes = compiled.loadClass("io.nagare.events.EventTypes");
        Function<Integer, Object> version = v -> invoke(eventTypes, "recordClass", "ParcelSorted", v);

        assertThat(version.apply(1)).isEqualTo(Optional.of(compiled.loadClass(V1)));
        assertThat(version.apply(3)).isEqualTo(Optional.empty());
        assertThat(eventTypes.getMethod("latest", String.class).invoke(null, "ParcelSorted"))
                .isEqualTo(Optional.of(compiled.loadClass("io.nagare.events.logisticshub.v2.ParcelSorted")));
    }

    @Test
    void javadoc_shouldShowSchemaTextAsText_whenItContainsCommentOrHtmlSyntax() {
        String source = sources.get("io/nagare/events/logisticshub/v1/ParcelSorted.java");

        assertThat(source).contains("Ends *&#47; here, &lt;b&gt;not bold&lt;/b&gt; &amp; &#92;u0041 stays text;")
                .contains("&#64;param is not a tag")
                .contains("@param weightKg Weight in kilograms. Constraints: <code>exclusiveMinimum 0</code>.")
                .contains("@param count Parcels seen so far. Constraints: <code>minimum 0</code>. Null when absent.");
    }

    private static Map<String, String> componentTypes(String className) throws ClassNotFoundException {
        return Arrays.stream(compiled.loadClass(className).getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c.getGenericType().getTypeName()));
    }

    private static Constructor<?> canonicalConstructor(Class<?> record) throws NoSuchMethodException {
        return record.getDeclaredConstructor(Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new));
    }

    private static Object construct(Constructor<?> constructor, Object... arguments) throws Throwable {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object invoke(Class<?> type, String method, String detailType, int version) {
        try {
            return type.getMethod(method, String.class, int.class).invoke(null, detailType, version);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
