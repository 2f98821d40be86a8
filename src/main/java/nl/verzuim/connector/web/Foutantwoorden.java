package nl.verzuim.connector.web;

import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import nl.verzuim.connector.intake.QuarantaineHerlezen;
import nl.verzuim.connector.levensloop.Levensloop;
import nl.verzuim.connector.melding.ActieGeweigerd;
import nl.verzuim.connector.melding.MeldingActies;
import nl.verzuim.connector.melding.MeldingService;

/**
 * One error format for the whole API: RFC 9457 problem details (application/problem+json). The {@code detail}
 * is the refusal's own message, which names ids, states, steps and field names only — never a pupil's personal
 * data. Database texts are never passed on. Spring's own bad requests (unreadable JSON, a wrong path variable) get
 * Spring's problem details ({@code spring.mvc.problemdetails.enabled}); anything unexpected is a 500 without text.
 */
@RestControllerAdvice
public class Foutantwoorden {

    private static final Logger LOG = LoggerFactory.getLogger(Foutantwoorden.class);

    @ExceptionHandler({MeldingActies.NietGevonden.class, NoSuchElementException.class})
    ProblemDetail nietGevonden(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({MeldingActies.NietMogelijk.class, ActieGeweigerd.class, Levensloop.OngeldigeStap.class})
    ProblemDetail nietMogelijk(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(MeldingActies.OngeldigVerzoek.class)
    ProblemDetail ongeldig(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Two requests made the same thing at once; the database's unique key let one through. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail bestaatAl(DuplicateKeyException e) {
        LOG.info("Verzoek geweigerd: bestaat al ({})", e.getClass().getSimpleName());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "bestaat al");
    }

    @ExceptionHandler(MeldingService.OverigGeweigerd.class)
    ProblemDetail overigGeweigerd(MeldingService.OverigGeweigerd e) {
        HttpStatus status = switch (e.reden()) {
            case LEERLING_ONBEKEND -> HttpStatus.NOT_FOUND;
            case BESTAAT_AL -> HttpStatus.CONFLICT;
            case ONGELDIG -> HttpStatus.BAD_REQUEST;
            case NIET_CATEGORIE_A -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    @ExceptionHandler(QuarantaineHerlezen.Geweigerd.class)
    ProblemDetail herlezenGeweigerd(QuarantaineHerlezen.Geweigerd e) {
        HttpStatus status = switch (e.reden()) {
            case ONBEKEND -> HttpStatus.NOT_FOUND;
            case AL_IN_INBOX -> HttpStatus.CONFLICT;
            case NIET_MEER_IN_QUARANTAINE -> HttpStatus.GONE;
        };
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
}
