/**
 * The demo tenant's own business API (Acme Home Services): customers with identity documents, addresses,
 * appointments, technicians and services, plus the travel-time and address endpoints that stand in for
 * Google Maps and Pinecone when the tenant has no keys. A real HTTP service, started by {@code switchboard run}.
 */
package dev.switchboard.fakes.acme;
