package dev.switchboard.identity.auth;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.shared.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Sessions sessions;

    AuthController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/login")
    Sessions.TokenPair login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        return sessions.login(credentials.email(), credentials.password(), request.getRemoteAddr())
                .orElseThrow(() -> new dev.switchboard.shared.Unauthenticated("wrong email or password"));
    }

    @PostMapping("/refresh")
    Sessions.TokenPair refresh(@Valid @RequestBody RefreshRequest body) {
        return sessions.refresh(body.refreshToken())
                .orElseThrow(() -> new dev.switchboard.shared.Unauthenticated("the refresh token is invalid, expired or already used"));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest body) {
        sessions.logout(body.refreshToken());
    }

    @PostMapping("/password")
    Sessions.TokenPair changePassword(@AuthenticationPrincipal AuthenticatedUser user,
                                      @Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        try {
            return sessions.changePassword(user.id(), body.currentPassword(), body.newPassword(), request.getRemoteAddr())
                    .orElseThrow(() -> new dev.switchboard.shared.Unauthenticated("the current password is wrong"));
        } catch (InvalidRequest e) {
            // The password policy names its field "password"; this request calls it newPassword.
            throw new InvalidRequest(e.getMessage().replaceFirst("^password:", "newPassword:"), e.fieldErrors().stream()
                    .map(f -> "password".equals(f.field()) ? new InvalidRequest.FieldError("newPassword", f.message()) : f)
                    .toList());
        }
    }

    record Credentials(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "Credentials[" + email + ", ***]";
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }

    record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword, @NotBlank @Size(max = 1024) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }
}
