package dev.lantern.app.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.registry.Learners;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The learners an experiment can name in {@code agent.type}, and the one way their hyperparameters are read from and
 * written to JSON: each config is a record whose components are the JSON fields, each defaulting to the value in the
 * record's {@code defaults()} (docs/experiments.md lists them per type).
 */
public final class AgentConfigs {

    private AgentConfigs() {
    }

    /** The known {@code agent.type} names, in registration order ({@link Learners}). */
    public static List<String> types() {
        return Learners.types();
    }

    /** The defaults of {@code type}, or null if no such learner is known. */
    public static AgentConfig defaults(String type) {
        AgentKind<?> kind = Learners.find(type);
        return kind == null ? null : kind.defaults();
    }

    /** The field names of {@code type}'s config, in declaration order. */
    public static List<String> fields(String type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : defaults(type).getClass().getRecordComponents()) {
            names.add(c.getName());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * Reads the fields of {@code type}'s config from {@code f} (absent fields take their defaults); type errors are
     * added to the problems by {@code f}. An unknown type adds a problem and yields PPO's defaults.
     */
    static AgentConfig read(JsonFields f, String type, List<String> problems) {
        AgentConfig defaults = defaults(type);
        if (defaults == null) {
            problems.add("agent.type: unknown agent '" + type + "' (known: " + String.join(", ", types()) + ")");
            return defaults(Learners.DEFAULT_TYPE);
        }
        RecordComponent[] components = defaults.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = readField(f, c, value(c, defaults));
        }
        try {
            return (AgentConfig) defaults.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            problems.add("agent: " + e.getCause().getMessage());
            return defaults;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + defaults.getClass().getSimpleName() + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object readField(JsonFields f, RecordComponent c, Object fallback) {
        Class<?> t = c.getType();
        String name = c.getName();
        if (t == int.class) {
            return f.integer(name, (int) (Integer) fallback);
        } else if (t == long.class) {
            return f.integer(name, (long) (Long) fallback);
        } else if (t == double.class) {
            return f.number(name, (Double) fallback);
        } else if (t == boolean.class) {
            return f.bool(name, (Boolean) fallback);
        } else if (t == String.class) {
            return f.string(name, (String) fallback);
        } else if (t == List.class) {
            return f.integers(name, (List<Integer>) fallback);
        } else if (t.isEnum()) {
            String text = f.string(name, configName((Enum<?>) fallback));
            for (Object constant : t.getEnumConstants()) {
                if (configName((Enum<?>) constant).equals(text)) {
                    return constant;
                }
            }
            List<String> known = new ArrayList<>();
            for (Object constant : t.getEnumConstants()) {
                known.add(configName((Enum<?>) constant));
            }
            f.problem(name, "unknown value '" + text + "' (known: " + String.join(", ", known) + ")");
            return fallback;
        }
        throw new IllegalStateException("agent config field " + name + " has unsupported type " + t);
    }

    /** The fully resolved config as JSON, {@code type} first: what {@code config.json} holds. */
    static JsonObject toJson(AgentConfig config) {
        JsonObject o = new JsonObject();
        o.addProperty("type", config.type());
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            Object v = value(c, config);
            if (v == null) {
                continue; // an optional field left unset (mcts' network): absent from the file, as it was read
            }
            if (v instanceof Number n) {
                o.addProperty(c.getName(), n);
            } else if (v instanceof Boolean b) {
                o.addProperty(c.getName(), b);
            } else if (v instanceof String s) {
                o.addProperty(c.getName(), s);
            } else if (v instanceof Enum<?> e) {
                o.addProperty(c.getName(), configName(e));
            } else if (v instanceof List<?> list) {
                JsonArray a = new JsonArray();
                for (Object x : list) {
                    a.add((Number) x);
                }
                o.add(c.getName(), a);
            } else {
                throw new IllegalStateException("agent config field " + c.getName() + " has unsupported value " + v);
            }
        }
        return o;
    }

    /** An enum constant as written in configs: lower case, '-' for '_'. */
    static String configName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + ": " + e, e);
        }
    }
}
