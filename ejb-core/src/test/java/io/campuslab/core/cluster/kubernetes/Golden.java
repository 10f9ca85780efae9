package io.campuslab.core.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares an API object, as the client sends it, with a golden file in src/test/resources/golden.
 * After a deliberate change, regenerate with {@code -Dgolden.update=true} and review the difference.
 */
final class Golden {

    private Golden() {
    }

    static void assertGolden(String file, Object object) throws IOException {
        String actual = new GsonBuilder().setPrettyPrinting().create()
                .toJson(JsonParser.parseString(JSON.serialize(object))) + "\n";
        Path golden = Path.of("src/test/resources/golden", file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
