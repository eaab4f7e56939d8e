package dev.atelier.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * The same provider and instrumentation the service installs, on a schema with a recursive type so that depth
 * can actually be exceeded by a valid query.
 */
class QueryLimitsTest {

    private static final String SDL = "type Query { node: Node } type Node { name: String child: Node }";

    private static final graphql.schema.GraphQLSchema SCHEMA = new SchemaGenerator()
            .makeExecutableSchema(new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring().build());

    private final GraphQL engine = GraphQL
            .newGraphQL(SCHEMA)
            .preparsedDocumentProvider(new LimitedDocumentProvider(limits(4, 10), new DocumentCache(limits(4, 10)),
                    () -> SCHEMA))
            .instrumentation(new CodedErrorsInstrumentation())
            .build();

    @Test
    void queryDeeperThanTheLimitIsRejectedBeforeExecution() {
        ExecutionResult result = engine.execute("{ node { child { child { child { child { name } } } } } }");

        assertThat(result.getErrors()).hasSize(1);
        assertThat(result.getErrors().get(0).getMessage()).contains("nested 6 levels deep; the limit is 4");
        assertThat(result.getErrors().get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        assertThat((Object) result.getData()).isNull();
    }

    @Test
    void depthCountsThroughFragments() {
        ExecutionResult result = engine.execute("""
                { node { ...deep } }
                fragment deep on Node { child { child { child { name } } } }""");

        assertThat(result.getErrors()).extracting(e -> e.getMessage()).first().asString().contains("nested 5 levels");
    }

    @Test
    void queryAtTheLimitRuns() {
        ExecutionResult result = engine.execute("{ node { child { child { name } } } }");

        assertThat(result.getErrors()).isEmpty();
    }

    @Test
    void tooManyFieldsIsRejected() {
        ExecutionResult result = engine.execute("{ a: node { name } b: node { name } c: node { name } "
                + "d: node { name } e: node { name } f: node { name } }");

        assertThat(result.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).contains("selects 12 fields; the limit is 10");
            assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        });
    }

    @Test
    void introspectionIsNotCountedAgainstTheLimits() {
        ExecutionResult result = engine.execute(
                "{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }");

        assertThat(result.getErrors()).isEmpty();
    }

    @Test
    void introspectionCanBeTurnedOffWithoutLosingTypename() {
        GraphQLLimitsConfig closed = limits(4, 10, false);
        GraphQL locked = GraphQL.newGraphQL(SCHEMA)
                .preparsedDocumentProvider(new LimitedDocumentProvider(closed, new DocumentCache(closed), () -> SCHEMA))
                .instrumentation(new CodedErrorsInstrumentation()).build();

        assertThat(locked.execute("{ __schema { types { name } } }").getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("Introspection is turned off"));
        assertThat(locked.execute("{ node { __type(name: \"Node\") { name } } }").getErrors()).isNotEmpty();
        assertThat(locked.execute("{ __typename }").getErrors()).isEmpty();
        assertThat(engine.execute("{ __schema { types { name } } }").getErrors()).isEmpty();
    }

    private static GraphQLLimitsConfig limits(int depth, int complexity) {
        return limits(depth, complexity, true);
    }

    private static GraphQLLimitsConfig limits(int depth, int complexity, boolean introspection) {
        return new GraphQLLimitsConfig() {
            @Override
            public int maxDepth() {
                return depth;
            }

            @Override
            public int maxComplexity() {
                return complexity;
            }

            @Override
            public int maxQueryLength() {
                return 10_000;
            }

            @Override
            public int maxMutationFields() {
                return 10;
            }

            @Override
            public boolean introspection() {
                return introspection;
            }

            @Override
            public boolean ui() {
                return true;
            }

            @Override
            public Duration socketInitTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int documentCacheSize() {
                return 10;
            }
        };
    }
}
