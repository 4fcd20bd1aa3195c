package io.phasesweep.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasesweep.jobs.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCommandTest {
    @Test
    void theSchemaIsJsonWithEveryModelsParametersBudgetAndObservables() throws Exception {
        StringWriter out = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("schema"));
        JsonNode schema = new ObjectMapper().readTree(out.toString());

        assertEquals("^[a-z0-9-]+$", schema.at("/properties/name/pattern").asText());
        List<String> models = new ArrayList<>();
        schema.at("/properties/model/enum").forEach(n -> models.add(n.asText()));
        assertTrue(models.containsAll(List.of("ising", "probe")), models.toString());

        JsonNode probe = null;
        for (JsonNode branch : schema.get("allOf")) {
            if (branch.at("/if/properties/model/const").asText().equals("probe")) {
                probe = branch.at("/then/properties");
            }
        }
        assertTrue(probe != null, "a branch for the test model");
        assertEquals("[\"plain\",\"salted\"]", probe.at("/params/properties/flavour/enum").toString());
        assertEquals("plain", probe.at("/params/properties/flavour/default").asText());
        assertEquals("[\"x\",\"throw_at\",\"nan_at\",\"sleep_at\",\"pause\"]", probe.at("/axes/propertyNames/enum").toString(),
                "only numeric parameters can be swept");
        assertEquals(1, probe.at("/budget/properties/draws/minimum").asInt());
        assertTrue(probe.at("/budget/properties/time_limit").isObject());
        assertEquals("[\"e\",\"d\"]", probe.at("/analysis/properties/crossing/enum").toString());
        assertEquals("[\"collapse\",\"peak\",\"at-critical\",\"slope\",\"location\"]",
                schema.at("/$defs/analysis/properties/exponents/items/properties/method/enum").toString());
    }
}
