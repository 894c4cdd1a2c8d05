/**
 * The offline flow agent: the tenant's flow.yaml run deterministically (intents matched by text similarity, slots
 * with validators, tool steps, replies from the formatters) when there is no model or the model is down.
 */
package dev.switchboard.agent.flow;
