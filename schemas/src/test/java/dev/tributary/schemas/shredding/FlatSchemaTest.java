package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.iglu.Resolution;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlatSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void bundledUaParserContextIsOrderedRequiredFirstThenByName() {
        JsonNode schema = ((Resolution.Resolved) Resolver.bundled().lookupSchema(
                SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/ua_parser_context/jsonschema/1-0-0"))).schema();

        FlatSchema flat = FlatSchema.of(schema);

        assertThat(flat.format()).isEqualTo(ShreddedFormat.TSV);
        assertThat(flat.columns()).extracting(FlatColumn::columnName).containsExactly(
                "device_family", "os_family", "os_version", "useragent_family", "useragent_version",
                "os_major", "os_minor", "os_patch", "os_patch_minor", "useragent_major", "useragent_minor",
                "useragent_patch");
        FlatColumn deviceFamily = flat.columns().get(0);
        assertThat(deviceFamily.required()).isTrue();
        assertThat(deviceFamily.nullable()).isFalse();
        assertThat(deviceFamily.types()).containsExactly(JsonType.STRING);
        assertThat(deviceFamily.maxLength()).isEqualTo(255);
        FlatColumn osMajor = flat.columns().get(5);
        assertThat(osMajor.nullable()).isTrue();
        assertThat(osMajor.types()).containsExactlyInAnyOrder(JsonType.STRING, JsonType.NULL);
        assertThat(osMajor.maxLength()).isEqualTo(64);
    }

    @Test
    void nestedObjectsFlattenToDottedSnakeCaseNamesAndInheritOptionality() {
        FlatSchema flat = FlatSchema.of(json("""
                {"type":"object",
                 "properties":{
                   "zId":{"type":"string","format":"uuid","maxLength":36},
                   "geoInfo":{"type":"object","properties":{
                       "latLong":{"type":"number","minimum":-90,"maximum":90},
                       "cityName":{"type":"string"}},
                     "required":["latLong","cityName"]},
                   "owner":{"type":"object","properties":{"userId":{"type":"integer"}},"required":["userId"]},
                   "kind":{"enum":["a","b"]}},
                 "required":["zId","owner","kind"]}"""));

        assertThat(flat.columns()).extracting(FlatColumn::name).containsExactly(
                "kind", "owner.user_id", "z_id", "geo_info.city_name", "geo_info.lat_long");
        assertThat(flat.columns()).extracting(FlatColumn::columnName).containsExactly(
                "kind", "owner_user_id", "z_id", "geo_info_city_name", "geo_info_lat_long");
        FlatColumn latLong = flat.columns().get(4);
        assertThat(latLong.path()).containsExactly("geoInfo", "latLong");
        // Required inside geoInfo, but geoInfo itself is optional: the column can be empty.
        assertThat(latLong.required()).isFalse();
        assertThat(latLong.nullable()).isTrue();
        assertThat(latLong.minimum()).isEqualByComparingTo(new BigDecimal("-90"));
        assertThat(latLong.maximum()).isEqualByComparingTo(new BigDecimal("90"));
        FlatColumn kind = flat.columns().get(0);
        assertThat(kind.enumValues()).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(kind.types()).containsExactly(JsonType.STRING);
        assertThat(kind.nullable()).isFalse();
        assertThat(flat.columns().get(2).format()).isEqualTo("uuid");
    }

    @Test
    void arraysUnionsAndUntypedPropertiesAreSingleJsonColumns() {
        FlatSchema flat = FlatSchema.of(json("""
                {"type":"object","properties":{
                   "tags":{"type":"array","items":{"type":"object","properties":{"x":{"type":"string"}}}},
                   "either":{"type":["string","integer"]},
                   "anything":{},
                   "choice":{"type":"object","oneOf":[{"type":"string"},{"type":"integer"}]},
                   "amount":{"type":["integer","number","null"]},
                   "free":{"type":"object"}}}"""));

        assertThat(flat.format()).isEqualTo(ShreddedFormat.TSV);
        assertThat(flat.columns()).extracting(FlatColumn::name)
                .containsExactly("amount", "anything", "choice", "either", "free", "tags");
        assertThat(flat.columns()).filteredOn(FlatColumn::jsonValue).extracting(FlatColumn::name)
                .containsExactly("anything", "choice", "either", "free", "tags");
    }

    @Test
    void schemasWithoutPropertiesAtTheRootAreShreddedAsJson() {
        assertThat(FlatSchema.of(json("{\"type\":\"object\"}")).format()).isEqualTo(ShreddedFormat.JSON);
        assertThat(FlatSchema.of(json("{\"type\":\"array\",\"items\":{}}")).notTabularReason())
                .contains("the root is not an object");
        assertThat(FlatSchema.of(json("{\"type\":[\"object\",\"string\"],\"properties\":{\"a\":{}}}")).format())
                .isEqualTo(ShreddedFormat.JSON);
        assertThat(FlatSchema.of(json("{\"properties\":{\"a\":{\"type\":\"string\"}}}")).format())
                .isEqualTo(ShreddedFormat.JSON);
        assertThat(FlatSchema.of(json("{\"type\":\"object\"}")).columns()).isEmpty();
    }

    @Test
    void cellsRenderEachValueTheWayALoaderReadsIt() {
        FlatSchema flat = FlatSchema.of(json("""
                {"type":"object","properties":{
                   "a":{"type":"string"},"b":{"type":"boolean"},"c":{"type":"number"},
                   "d":{"type":"array"},"e":{"type":["string","boolean"]},"f":{"type":"integer"},
                   "g":{"type":"object","properties":{"h":{"type":"string"}}}},
                 "required":["a"]}"""));

        List<String> cells = flat.cells(json("""
                {"a":"tab\\there","b":true,"c":1.5E3,"d":[1,{"x":"y"}],"e":false,"f":null,"g":{"h":"deep"}}"""));

        assertThat(flat.columns()).extracting(FlatColumn::name).containsExactly("a", "b", "c", "d", "e", "f", "g.h");
        assertThat(cells).containsExactly("tab    here", "1", "1500.0", "[1,{\"x\":\"y\"}]", "false", "", "deep");
        assertThat(flat.cells(json("{\"a\":\"x\"}"))).containsExactly("x", "", "", "", "", "", "");
    }

    @Test
    void laterVersionsOfAModelAppendTheirNewColumns() {
        JsonNode v100 = json("""
                {"type":"object","properties":{"b":{"type":"string","maxLength":10},"z":{"type":"string"}},
                 "required":["z"]}""");
        JsonNode v101 = json("""
                {"type":"object","properties":{"b":{"type":"string","maxLength":10},"z":{"type":"string"},
                 "a":{"type":"string"}},"required":["z"]}""");
        JsonNode v110 = json("""
                {"type":"object","properties":{"b":{"type":"string","maxLength":20},"z":{"type":"string"},
                 "a":{"type":"string"},"c":{"type":"integer"}},"required":["z"]}""");

        FlatSchema model = FlatSchema.forModel(List.of(v100, v101, v110));

        // On its own 1-1-0 would sort a before b; across versions, a (added in 1-0-1) comes after 1-0-0's columns.
        assertThat(FlatSchema.of(v110).columns()).extracting(FlatColumn::name).containsExactly("z", "a", "b", "c");
        assertThat(model.columns()).extracting(FlatColumn::name).containsExactly("z", "b", "a", "c");
        assertThat(model.columns().get(1).maxLength()).isEqualTo(20);
    }

    @Test
    void snakeCaseFollowsSchemaDdl() {
        assertThat(SnakeCase.of("userAgentFamily")).isEqualTo("user_agent_family");
        assertThat(SnakeCase.of("HTTPHeader")).isEqualTo("http_header");
        assertThat(SnakeCase.of("link-click")).isEqualTo("link_click");
        assertThat(SnakeCase.of("already_snake")).isEqualTo("already_snake");
        assertThat(new ShreddedType("com.acme-corp", "PascalCase", 13, ShreddedFormat.TSV).tableName())
                .isEqualTo("com_acme_corp_pascal_case_13");
    }
}
