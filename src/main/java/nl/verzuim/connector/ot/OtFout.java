package nl.verzuim.connector.ot;

import java.util.List;

/**
 * OT answered with an error. The message names the HTTP status, OT's code and the fields concerned — never OT's
 * free-text explanation, which may repeat personal data; that is kept in {@link #uitleg()} for the operator only.
 */
public class OtFout extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> velden;
    private final transient String uitleg;

    public OtFout(int status, String code, List<String> velden, String uitleg) {
        super("OT antwoordde HTTP " + status + (code == null ? "" : " " + code)
                + (velden == null || velden.isEmpty() ? "" : " (velden: " + String.join(", ", velden) + ")"));
        this.status = status;
        this.code = code;
        this.velden = velden == null ? List.of() : List.copyOf(velden);
        this.uitleg = uitleg;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> velden() {
        return velden;
    }

    public String uitleg() {
        return uitleg;
    }

    /** Server errors (503 above all), 408 and 429 are worth another try; other answers will be the same next time. */
    public boolean isHerhaalbaar() {
        return status >= 500 || status == 408 || status == 429;
    }
}
