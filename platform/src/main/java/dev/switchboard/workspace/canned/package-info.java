/** Canned replies: each tenant's prepared answers, edited by admins and inserted by agents from the composer. */
package dev.switchboard.workspace.canned;
