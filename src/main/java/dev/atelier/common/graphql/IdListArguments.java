package dev.atelier.common.graphql;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Gives list-of-id arguments their contract type {@code [ID!]!}. SmallRye GraphQL cannot take {@code @Id} on a
 * list parameter (it tries to convert each element into the list class and fails), so such parameters are declared
 * {@code List<String>} ({@code [String!]!}) and retyped here, before the schema is built; the values reach the
 * resolver as strings either way. Only the mutation arguments listed are touched. (A bean of its own: SmallRye
 * builds the schema early, before configuration mappings are available.)
 */
@ApplicationScoped
public class IdListArguments {

    private static final Logger LOG = Logger.getLogger(IdListArguments.class);

    /** mutation field → its list-of-id argument. */
    static final Map<String, Set<String>> MUTATIONS = Map.of(
            "addToCollection", Set.of("imageIds"),
            "removeFromCollection", Set.of("imageIds"),
            "reorderCollection", Set.of("imageIds"));

    void retype(@Observes GraphQLSchema.Builder builder) {
        try {
            Field field = GraphQLSchema.Builder.class.getDeclaredField("mutationType");
            field.setAccessible(true);
            GraphQLObjectType mutation = (GraphQLObjectType) field.get(builder);
            if (mutation == null) {
                return;
            }
            builder.mutation(mutation.transform(type -> MUTATIONS.forEach((name, arguments) -> {
                GraphQLFieldDefinition definition = mutation.getFieldDefinition(name);
                if (definition != null) {
                    type.field(definition.transform(f -> arguments.forEach(argument -> {
                        GraphQLArgument current = definition.getArgument(argument);
                        if (current != null) {
                            f.argument(current.transform(a -> a.type(GraphQLNonNull.nonNull(
                                    GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLID))))));
                        }
                    })));
                }
            })));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("list-of-id arguments keep type [String!]! (%s)", e.toString());
        }
    }
}
