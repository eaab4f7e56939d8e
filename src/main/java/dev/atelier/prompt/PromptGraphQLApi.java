package dev.atelier.prompt;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.atelier.common.pagination.Ids;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.user.CurrentUser;
import io.smallrye.mutiny.Uni;

/** Prompt enhancement and the caller's prompt history. */
@GraphQLApi
public class PromptGraphQLApi {

    private final PromptService prompts;
    private final CurrentUser currentUser;

    PromptGraphQLApi(PromptService prompts, CurrentUser currentUser) {
        this.prompts = prompts;
        this.currentUser = currentUser;
    }

    @Mutation("enhancePrompt")
    @Description("Turns a short idea into a detailed prompt, phrased for every provider, and stores it in your history.")
    public Uni<@NonNull EnhancedPrompt> enhancePrompt(@NonNull @Name("input") EnhancePromptInput input) {
        return currentUser.call(userId -> prompts.enhance(userId, input));
    }

    @Query("prompt")
    @Description("One of your prompts.")
    public Uni<Prompt> prompt(@NonNull @Id @Name("id") String id) {
        return currentUser.call(() -> Ids.parse(id, "prompt"), prompts::get);
    }

    @Query("prompts")
    @Description("Your prompt history, newest first (first: at most 100).")
    public Uni<@NonNull PromptConnection> prompts(@Name("first") Integer first, @Name("after") String after) {
        return currentUser.call(() -> PageRequest.of(first, after), prompts::page);
    }
}
