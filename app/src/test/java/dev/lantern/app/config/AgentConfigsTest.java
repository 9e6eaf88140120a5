package dev.lantern.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every learner's hyperparameters are read, written back, validated with field paths, and documented. */
class AgentConfigsTest {

    @Test
    void everyTypeRoundTripsThroughJson() {
        for (String type : AgentConfigs.types()) {
            AgentConfig d = AgentConfigs.defaults(type);
            String env = type.equals("alphazero") ? "\"env\": {\"id\": \"game/tic-tac-toe-v1\"}, " : "";
            Experiment e = ExperimentLoader.parse("t.json", "{" + env + "\"agent\": {\"type\": \"" + type + "\"}}",
                    null);
            assertEquals(d, e.agent(), type);
            JsonObject json = ExperimentLoader.toJson(e);
            Experiment again = ExperimentLoader.parse("config.json", json.toString(), null);
            assertEquals(e, again, type);
        }
    }

    @Test
    void unknownTypesAndForeignFieldsAreNamed() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ExperimentLoader.parse("t.json", "{\"agent\": {\"type\": \"sarsa-lambda\"}}", null));
        assertTrue(e.problems().get(0).contains("agent.type: unknown agent 'sarsa-lambda' (known: "
                + String.join(", ", AgentConfigs.types()) + ")"), e.problems().toString());
        e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ExperimentLoader.parse("t.json", "{\"agent\": {\"type\": \"a2c\", \"epochs\": 4}}", null));
        assertTrue(e.problems().get(0).startsWith("t.json: agent.epochs: unknown key"), e.problems().toString());
    }

    @Test
    void gamesNeedAlphaZeroAndAlphaZeroNeedsAGame() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ExperimentLoader.parse("t.json", "{\"env\": {\"id\": \"game/connect-four-v1\"}}", null));
        assertTrue(e.problems().get(0).contains("agent.type: 'ppo' trains on grid worlds; game/connect-four-v1 is a game"),
                e.problems().toString());
        e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ExperimentLoader.parse("t.json", "{\"agent\": {\"type\": \"alphazero\"}}", null));
        assertTrue(e.problems().get(0).contains("env.id: agent 'alphazero' trains on board games"),
                e.problems().toString());
    }

    @Test
    void everyFieldOfEveryTypeIsDocumentedWithItsDefault() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("lantern.root", ".."), "docs", "experiments.md"));
        List<String> missing = new ArrayList<>();
        for (String type : AgentConfigs.types()) {
            String heading = "### `agent` with `\"type\": \"" + type + "\"`";
            int start = docs.indexOf(heading);
            if (start < 0) {
                missing.add(heading);
                continue;
            }
            int end = docs.indexOf("\n#", start + heading.length());
            String section = docs.substring(start, end < 0 ? docs.length() : end);
            JsonObject json = AgentConfigs.toJson(AgentConfigs.defaults(type));
            for (Map.Entry<String, JsonElement> f : json.entrySet()) {
                if (f.getKey().equals("type")) {
                    continue;
                }
                String row = "| `" + f.getKey() + "` | `" + f.getValue().toString().replace(",", ", ") + "` |";
                if (!section.contains(row)) {
                    missing.add(type + ": " + row);
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/experiments.md lacks: " + missing);
    }
}
