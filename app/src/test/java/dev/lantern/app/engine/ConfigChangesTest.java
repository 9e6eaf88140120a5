package dev.lantern.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changed fields between the config a run started with and its config.json now. */
class ConfigChangesTest {

    @Test
    void namesEveryChangedAddedOrRemovedFieldByItsPathAndIgnoresKeyOrder() {
        String started = """
                {"name": "r", "seed": 1234567890123456789, "agent": {"hiddenSizes": [8, 8], "gamma": 0.99},
                 "training": {"totalEnvSteps": 256, "evalEpisodes": 1}}
                """;
        String now = """
                {"agent": {"gamma": 0.99, "hiddenSizes": [8, 16]}, "name": "r", "seed": 1234567890123456788,
                 "training": {"totalEnvSteps": 256}, "extra": true}
                """;
        assertEquals(List.of("seed: 1234567890123456789 when the run started, 1234567890123456788 now",
                "agent.hiddenSizes: [8,8] when the run started, [8,16] now",
                "training.evalEpisodes: 1 when the run started, absent now",
                "extra: absent when the run started, true now"),
                ConfigChanges.between(JsonParser.parseString(started), JsonParser.parseString(now)));
        assertEquals(List.of(), ConfigChanges.between(JsonParser.parseString(started),
                JsonParser.parseString(started.replace("\n", "\n   "))));
    }
}
