package dev.switchboard.voice.pipeline.stt.sphinx;

import java.nio.file.Path;

/** Where the pocketsphinx model lives; the default is Debian's {@code pocketsphinx-en-us}. */
public record SphinxModel(Path acousticModel, Path dictionary, Path languageModel) {

    private static final Path DEBIAN = Path.of("/usr/share/pocketsphinx/model/en-us");

    public static final SphinxModel DEBIAN_EN_US = new SphinxModel(DEBIAN.resolve("en-us"),
            DEBIAN.resolve("cmudict-en-us.dict"), DEBIAN.resolve("en-us.lm.bin"));
}
