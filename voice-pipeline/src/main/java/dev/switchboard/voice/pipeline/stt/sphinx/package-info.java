/** The offline speech recogniser: pocketsphinx through the foreign-function API, driven by a grammar of expected phrases. */
package dev.switchboard.voice.pipeline.stt.sphinx;
