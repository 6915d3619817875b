package org.enma.jobs.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.enma.schema.EnmaException;

/**
 * Reads {@code --setup FILE.json}: one JSON object of parameters. Missing keys take their defaults; an unknown key or
 * a value of the wrong kind is refused with a message naming it (docs/analytics.md § Setup file).
 */
public final class SetupFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SetupFile() {
    }

    /** The parameters of a run: the file's values over the defaults, in the analytic's parameter order. */
    public static Map<String, Object> read(Optional<Path> file, String analytic, List<Parameter> parameters) {
        if (file.isEmpty()) {
            return parse(JSON.createObjectNode(), analytic, parameters);
        }
        Path path = file.get();
        try {
            return parse(JSON.readTree(Files.readString(path)), analytic, parameters);
        } catch (NoSuchFileException e) {
            throw new EnmaException("setup file " + path + " does not exist");
        } catch (JsonProcessingException e) {
            throw new EnmaException("setup file " + path + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new EnmaException("setup file " + path + " cannot be read: " + e.getMessage());
        } catch (EnmaException e) {
            throw new EnmaException("setup file " + path + ": " + e.getMessage());
        }
    }

    static Map<String, Object> parse(JsonNode root, String analytic, List<Parameter> parameters) {
        if (root == null || !root.isObject()) {
            throw new EnmaException("a setup must be one JSON object, e.g. {\"minGroupSize\": 20}");
        }
        Map<String, Parameter> known = new LinkedHashMap<>();
        parameters.forEach(p -> known.put(p.name(), p));
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.containsKey(name)) {
                throw new EnmaException("unknown parameter \"" + name + "\": " + analytic + " takes "
                        + (known.isEmpty() ? "no parameters"
                        : known.keySet().stream().collect(Collectors.joining(", "))));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            JsonNode value = root.get(p.name());
            values.put(p.name(), value == null ? p.defaultValue() : p.read(value));
        }
        return values;
    }
}
