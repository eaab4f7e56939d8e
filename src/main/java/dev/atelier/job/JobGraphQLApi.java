package dev.atelier.job;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.atelier.common.pagination.Ids;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.routing.CostEstimate;
import dev.atelier.routing.EditImageInput;
import dev.atelier.routing.GenerateImageInput;
import dev.atelier.user.CurrentUser;
import io.smallrye.mutiny.Uni;

/** Image generation as durable jobs. */
@GraphQLApi
public class JobGraphQLApi {

    private final GenerationService generation;
    private final CurrentUser currentUser;

    private final AdmittedInRequest admitted;

    JobGraphQLApi(GenerationService generation, CurrentUser currentUser, AdmittedInRequest admitted) {
        this.generation = generation;
        this.currentUser = currentUser;
        this.admitted = admitted;
    }

    @Mutation("generateImage")
    @Description("Queues an image generation and answers at once with the job; the same idempotencyKey returns the same job. "
            + "Refused after other generations of the same request were queued, its error lists them in "
            + "extensions.acceptedJobIds.")
    public Uni<@NonNull GenerationJob> generateImage(@NonNull @Name("input") GenerateImageInput input) {
        return currentUser.call(userId -> generation.submit(userId, input))
                .invoke(admitted::add).onFailure().transform(admitted::withAccepted);
    }

    @Mutation("editImage")
    @Description("Queues an edit of an image you can read (its source; a mask repaints only its transparent area; "
            + "references guide providers that take them) and answers at once with the job, like generateImage. "
            + "Only providers that can make the edit are chosen; selectProvider's reasons say why others are not.")
    public Uni<@NonNull GenerationJob> editImage(@NonNull @Name("input") EditImageInput input) {
        return currentUser.call(userId -> generation.edit(userId, input))
                .invoke(admitted::add).onFailure().transform(admitted::withAccepted);
    }

    @Query("estimateEdit")
    @Description("What an edit would cost on the provider the router would choose, with every provider's price and "
            + "why it can or cannot make this edit (a mask, a strength, reference images).")
    public Uni<@NonNull CostEstimate> estimateEdit(@NonNull @Name("input") EditImageInput input) {
        return currentUser.call(userId -> generation.estimateEdit(userId, input));
    }

    @Mutation("generateImages")
    @Description("Queues several generations, accepted or rejected as a whole (at most atelier.jobs.max-batch inputs).")
    public Uni<@NonNull List<@NonNull GenerationJob>> generateImages(
            @NonNull @Name("inputs") List<@NonNull GenerateImageInput> inputs) {
        return currentUser.call(userId -> generation.submitAll(userId, inputs))
                .invoke(admitted::addAll).onFailure().transform(admitted::withAccepted);
    }

    @Query("job")
    @Description("One of your generation jobs.")
    public Uni<GenerationJob> job(@NonNull @Id @Name("id") String id) {
        return currentUser.call(() -> Ids.parse(id, "job"), generation::get);
    }

    @Query("jobs")
    @Description("Your jobs, newest first, optionally of one status (first: at most 100).")
    public Uni<@NonNull JobConnection> jobs(@Name("status") JobStatus status, @Name("first") Integer first,
            @Name("after") String after) {
        return currentUser.call(() -> PageRequest.of(first, after), (userId, page) -> generation.page(userId, status, page));
    }

    @Mutation("cancelJob")
    @Description("Cancels a job that has not finished; the provider is not called for a job cancelled while queued.")
    public Uni<@NonNull GenerationJob> cancelJob(@NonNull @Id @Name("id") String id) {
        return currentUser.call(() -> Ids.parse(id, "job"), generation::cancel);
    }
}
