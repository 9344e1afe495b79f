package io.nagare.schemas.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The declarations' text, checked structurally: the build has no TypeScript compiler. The same output was checked
 * once with {@code tsc --noEmit --strict} (TypeScript 5), including every valid example assigned to its type.
 */
class TypeScriptGeneratorTest {

    private static Map<String, String> files;

    @BeforeAll
    static void generate() {
        files = TargetLanguage.TYPESCRIPT.generate(CodegenFixtures.parcelRegistry()).stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
    }

    @Test
    void generate_shouldWriteOneModulePerVersionAndAnIndex() {
        assertThat(files.keySet()).containsExactlyInAnyOrder("ParcelSorted/v1.d.ts", "ParcelSorted/v2.d.ts", "index.d.ts");
    }

    @Test
    void module_shouldDeclareAnInterfacePerObject_withOptionalPropertiesMarked() {
        String module = files.get("ParcelSorted/v1.d.ts");

        assertThat(module).contains("export interface ParcelSorted {\n", "export interface Parcel {\n",
                "export interface Currency {\n", "export interface CarrierHints {\n");
        assertThat(module).contains("  sortId: string;\n", "  count?: number;\n", "  parcels: Parcel[];\n",
                "  labels?: string[];\n", "  fee: Currency;\n", "  express?: boolean;\n");
    }

    @Test
    void module_shouldDeclareEnumsAsStringLiteralUnions_andConstantsAsLiterals() {
        String module = files.get("ParcelSorted/v1.d.ts");

        assertThat(module).contains("export type Status =\n  | \"SORTED\"\n  | \"in-transit\";\n",
                "  status: Status;\n", "  schemaKind?: \"parcel\";\n");
    }

    @Test
    void module_shouldExplainTextAndNumberFormats_whereTheTypeCannotSayIt() {
        String module = files.get("ParcelSorted/v1.d.ts");

        assertThat(module).contains("Format: RFC 3339 date-time in UTC, e.g. `2026-11-28T09:15:00Z`.\n   */\n  sortedAt: string;")
                .contains("Format: RFC 3339 full-date, e.g. `2026-11-28`.\n   */\n  businessDay?: string;")
                .contains("Format: ISO 4217 alphabetic currency code, e.g. `EUR`, `JPY`.\n"
                        + "   * Constraints: `pattern ^[A-Z]{3}$`.\n   */\n  currency: string;")
                .contains("A decimal, exact to the digits written: money is in the major unit of the event's currency")
                .contains("Constraints: `minimum 0`.\n   */\n  amount: number;");
    }

    @Test
    void module_shouldQuotePropertyNames_thatAreNotIdentifiers() {
        assertThat(files.get("ParcelSorted/v1.d.ts")).contains("  \"order-ref\"?: string;\n", "  class: string;\n");
    }

    @Test
    void module_shouldAllowUnknownProperties_onlyOnOpenObjects() {
        String module = files.get("ParcelSorted/v1.d.ts");
        String carrierHints = module.substring(module.indexOf("export interface CarrierHints {"));

        assertThat(carrierHints).contains("  [property: string]: unknown;\n");
        assertThat(module.indexOf("[property: string]")).isEqualTo(module.lastIndexOf("[property: string]"));
    }

    @Test
    void module_shouldKeepCommentsClosed_whenADescriptionContainsCommentSyntax() {
        String module = files.get("ParcelSorted/v1.d.ts");

        assertThat(module).contains("Ends *\\/ here").doesNotContain("Ends */");
    }

    @Test
    void index_shouldMapEveryDetailTypeAndVersionToItsPayloadType() {
        String index = files.get("index.d.ts");

        assertThat(index).contains("import type * as ParcelSortedV1 from \"./ParcelSorted/v1\";\n",
                "import type * as ParcelSortedV2 from \"./ParcelSorted/v2\";\n",
                "export type {\n  ParcelSortedV1,\n  ParcelSortedV2,\n};\n",
                "export interface EventPayloads {\n  ParcelSorted: {\n    1: ParcelSortedV1.ParcelSorted;\n"
                        + "    2: ParcelSortedV2.ParcelSorted;\n  };\n}\n",
                "export interface LatestEventPayloads {\n  ParcelSorted: ParcelSortedV2.ParcelSorted;\n}\n",
                "export type DetailType = keyof EventPayloads;\n");
    }
}
