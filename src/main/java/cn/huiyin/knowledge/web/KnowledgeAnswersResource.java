package cn.huiyin.knowledge.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Knowledge-base answers for what someone is typing, on each channel that shows them before an appeal is filed, and
 * the feedback on one (这条回答有帮助吗). Every suggestion returned is recorded as shown to its asker.
 */
@Path("/api/v1/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeAnswersResource {

    /** As many as the pages show beside a form without pushing it down the screen. */
    static final int SUGGESTIONS = 3;

    /** The answer to 这条回答有帮助吗. */
    public record AnswerFeedback(@NotNull(message = "is true or false") Boolean helpful) {
    }

    @Inject
    KnowledgeAnswers answers;

    /** The appeal form's typeahead; the asker is the form's submission id, which its appeal is filed under. */
    @GET
    @Path("suggestions")
    @PermitAll
    public Uni<List<Suggestion>> forWebForm(@RestQuery String q, @RestQuery String asker) {
        return suggest(q, KnowledgeAnswers.WEB, () -> SuggestionQuery.formAsker(asker));
    }

    /** The agent desk, beside the work-order form; the asker is the call being answered. */
    @GET
    @Path("suggestions/phone")
    @RolesAllowed(Roles.AGENT)
    public Uni<List<Suggestion>> forAgentDesk(@RestQuery String q, @RestQuery String asker) {
        return suggest(q, KnowledgeAnswers.PHONE, () -> SuggestionQuery.callAsker(asker));
    }

    /** A commissioner answering a 咨询; the asker is the appeal. */
    @GET
    @Path("suggestions/workqueue")
    @RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
    public Uni<List<Suggestion>> forWorkQueue(@RestQuery String q, @RestQuery String asker) {
        return suggest(q, KnowledgeAnswers.WORKQUEUE, () -> SuggestionQuery.appealAsker(asker));
    }

    /** Anyone holding a suggestion's id may say whether it helped; saying it again replaces the earlier answer. */
    @POST
    @Path("answers/{shownId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Uni<Response> feedback(@RestPath String shownId, @NotNull(message = "is required") @Valid AnswerFeedback body) {
        return Uni.createFrom().item(() -> SuggestionQuery.shownId(shownId))
                .chain(id -> answers.feedback(id, body.helpful()))
                .map(known -> {
                    if (!known) {
                        throw ProblemException.notFound("Answer " + shownId);
                    }
                    return Response.noContent().build();
                });
    }

    private Uni<List<Suggestion>> suggest(String q, String channel, Supplier<String> asker) {
        // checked inside the pipeline, so a bad field is answered as a problem like any failure
        return Uni.createFrom().item(() -> new Request(SuggestionQuery.question(q), asker.get()))
                .chain(request -> answers.show(request.question(), channel, request.asker(), SUGGESTIONS))
                .map(shown -> shown.stream().map(Suggestion::of).toList());
    }

    private record Request(String question, String asker) {
    }
}
