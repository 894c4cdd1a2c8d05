package dev.switchboard.voice.web;

import dev.switchboard.shared.NotFound;
import dev.switchboard.voice.call.LiveCalls;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams a call's recording (stereo WAV: caller left, agent right) with HTTP range support, so a player can seek
 * without downloading the whole file; the bytes come from the local disk or the S3-compatible store.
 */
@RestController
@PreAuthorize("hasAuthority('tenant:agent')")
class RecordingController {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final Calls calls;
    private final LiveCalls live;

    RecordingController(Calls calls, LiveCalls live) {
        this.calls = calls;
        this.live = live;
    }

    @GetMapping("/api/v1/tenants/{slug}/calls/{callId}/recording")
    void recording(@PathVariable("callId") UUID id, @RequestHeader(value = "Range", required = false) String range,
                   HttpServletResponse response) throws IOException {
        CallRecord call = calls.find(id).orElseThrow(() -> new NotFound("call"));
        if (call.recordingKey() == null) {
            throw new NotFound("recording");
        }
        long size = live.recordings().size(call.recordingKey());
        long from = 0;
        long to = size - 1;
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                from = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (from > to || from >= size) {
                response.setStatus(416);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            response.setStatus(206);
            response.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        response.setContentType("audio/wav");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setContentLengthLong(to - from + 1);
        try (InputStream in = live.recordings().open(call.recordingKey(), from, to)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
