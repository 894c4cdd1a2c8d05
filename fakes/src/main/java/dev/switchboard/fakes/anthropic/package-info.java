/** A scriptable fake of the Anthropic Messages API ({@code POST /v1/messages}), streaming and not. */
package dev.switchboard.fakes.anthropic;
