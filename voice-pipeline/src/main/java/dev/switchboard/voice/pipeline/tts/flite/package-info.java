/** The offline speech synthesiser: flite through the foreign-function API, resampled to telephone mu-law. */
package dev.switchboard.voice.pipeline.tts.flite;
