/** The web edge shared by every module: errors as problem details, request size limits, common beans. */
package dev.switchboard.shared.web;
