package dev.switchboard.fakes.meta;

/** A business phone number as webhooks name it: its WABA, its Graph id, and its display number. */
public record BusinessNumber(String wabaId, String phoneNumberId, String displayPhoneNumber) {

    public static BusinessNumber demo() {
        return new BusinessNumber("102290129340398", "106540352242922", "15550783881");
    }
}
