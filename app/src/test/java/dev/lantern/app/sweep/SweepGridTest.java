package dev.lantern.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.lantern.app.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid of a sweep: seeds, {@code --set} values, their product, labels and validation, checked by hand. */
class SweepGridTest {

    @Test
    void seedsAreNumbersAndAscendingRanges() {
        List<String> problems = new ArrayList<>();
        assertEquals(List.of(1L, 2L, 3L), SweepGrid.parseSeeds("1..3", problems));
        assertEquals(List.of(1L, 4L, 7L), SweepGrid.parseSeeds("1,4,7", problems));
        assertEquals(List.of(3L), SweepGrid.parseSeeds("3", problems));
        assertEquals(List.of(9L, 1L, 2L), SweepGrid.parseSeeds("9, 1..2", problems));
        assertEquals(List.of(), problems);
        assertEquals(List.of(), SweepGrid.parseSeeds("1..2,2", problems));
        assertEquals(List.of("--seeds 1..2,2: a seed is given more than once"), problems);
        problems.clear();
        SweepGrid.parseSeeds("one", problems);
        assertTrue(problems.get(0).startsWith("--seeds one: 'one' is not a whole number or a range"), problems.get(0));
    }

    @Test
    void setValuesSplitAtTopLevelCommasAndReadAsJsonOrText() {
        assertEquals(List.of("1e-3", "3e-3"), SetOption.split("1e-3,3e-3"));
        assertEquals(List.of("[32,32]", "[64, 64]"), SetOption.split("[32,32], [64, 64]"));
        assertEquals(List.of("\"a,b\"", "c"), SetOption.split("\"a,b\",c"));
        assertEquals(new JsonPrimitive(true), SetOption.json("true"));
        assertEquals(0.001, SetOption.json("1e-3").getAsDouble());
        assertEquals("[32,32]", SetOption.json("[32,32]").toString());
        assertEquals(new JsonPrimitive("grid/key-door-v1"), SetOption.json("grid/key-door-v1"));
        assertEquals(new JsonPrimitive("onehot"), SetOption.json("onehot"));
        assertEquals(new JsonPrimitive("1 2"), SetOption.json("1 2"), "not one JSON value: text");
        List<String> problems = new ArrayList<>();
        SetOption.parse("agent.learningRate", problems);
        SetOption.parse("agent.learningRate=1,,2", problems);
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void theGridIsTheProductWithTheFirstSetSlowestAndLabelsFromTheResolvedConfig(@TempDir Path tmp) throws Exception {
        Path base = Files.writeString(tmp.resolve("b.json"), "{\"name\": \"b\"}");
        SweepGrid g = SweepGrid.resolve(base, "1..2", List.of("agent.learningRate=1e-3,3e-3",
                "agent.hiddenSizes=[16,16],[8, 8]", "env.id=grid/empty-8x8-v1", "agent.normalizeAdvantages=false"));
        assertEquals(List.of(1L, 2L), g.seeds());
        assertEquals(List.of(
                "agent.learningRate=0.001, agent.hiddenSizes=[16,16], env.id=grid/empty-8x8-v1, agent.normalizeAdvantages=false",
                "agent.learningRate=0.001, agent.hiddenSizes=[8,8], env.id=grid/empty-8x8-v1, agent.normalizeAdvantages=false",
                "agent.learningRate=0.003, agent.hiddenSizes=[16,16], env.id=grid/empty-8x8-v1, agent.normalizeAdvantages=false",
                "agent.learningRate=0.003, agent.hiddenSizes=[8,8], env.id=grid/empty-8x8-v1, agent.normalizeAdvantages=false"),
                g.settings().stream().map(Setting::label).toList());
        Setting s = g.settings().get(1);
        assertEquals(("agent.learningRate=0.001,agent.hiddenSizes=_8,8_,env.id=grid_empty-8x8-v1,"
                + "agent.normalizeAdvantages=false").substring(0, 100), s.dir(), "cut at 100 characters");
        assertEquals("[8,8]", s.config().getAsJsonObject("agent").get("hiddenSizes").toString());
        assertEquals("grid/empty-8x8-v1", s.experiment().env().id());
        assertEquals("0.003", g.settings().get(2).set().get("agent.learningRate"));

        SweepGrid plain = SweepGrid.resolve(base, "4", List.of());
        assertEquals(List.of("base"), plain.settings().stream().map(Setting::label).toList());
        assertEquals(1, SweepDirectory.runs(plain).size());
        assertEquals("base/seed-4", SweepDirectory.runs(plain).get(0).dir());
    }

    @Test
    void everyBadValueIsNamedByItsOwnSetWithTheLoadersMessage(@TempDir Path tmp) throws Exception {
        Path base = Files.writeString(tmp.resolve("b.json"), "{\"name\": \"b\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> SweepGrid.resolve(base, "1",
                List.of("agent.learningRate=1e-3,abc", "training.totalEnvSteps=0,100", "agent.gamma=0.9,0.90")));
        assertEquals(List.of("--set agent.learningRate=abc: agent.learningRate: expected a number, got \"abc\"",
                "--set training.totalEnvSteps=0: training.totalEnvSteps: must be >= 1, got 0"),
                e.problems().subList(0, 2), e.problems().toString());
        ConfigException same = assertThrows(ConfigException.class, () -> SweepGrid.resolve(base, "1",
                List.of("agent.gamma=0.9,0.90")));
        assertTrue(same.problems().get(0).contains("the same setting as another (agent.gamma=0.9)"),
                same.problems().toString());
        ConfigException file = assertThrows(ConfigException.class, () -> SweepGrid.resolve(tmp.resolve("no.json"), "1",
                List.of()));
        assertEquals(List.of(tmp.resolve("no.json") + ": no such file"), file.problems());
    }
}
