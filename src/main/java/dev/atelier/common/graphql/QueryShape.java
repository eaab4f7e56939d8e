package dev.atelier.common.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Depth and size of a validated GraphQL document, with fragments expanded. Introspection fields ({@code __schema},
 * {@code __type}, ...) are not counted: graphql-java guards those itself, and tools must be able to read the schema.
 */
public record QueryShape(int depth, int fields) {

    /** Measures every operation of the document and returns the largest depth and field count. */
    public static QueryShape of(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        int depth = 0;
        int fields = 0;
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            Counter counter = new Counter(fragments);
            counter.walk(op.getSelectionSet(), 0, new HashSet<>());
            depth = Math.max(depth, counter.depth);
            fields = Math.max(fields, counter.fields);
        }
        return new QueryShape(depth, fields);
    }

    /** Whether the document reads the schema ({@code __schema} or {@code __type}, anywhere; {@code __typename} is fine). */
    public static boolean introspects(Document document) {
        boolean[] found = { false };
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field,
                    TraverserContext<Node> context) {
                if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                    found[0] = true;
                    return TraversalControl.QUIT;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return found[0];
    }

    private static final class Counter {
        private final Map<String, FragmentDefinition> fragments;
        private int depth;
        private int fields;

        Counter(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void walk(SelectionSet set, int level, Set<String> visiting) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    if (field.getName().startsWith("__")) {
                        continue;
                    }
                    fields++;
                    depth = Math.max(depth, level + 1);
                    walk(field.getSelectionSet(), level + 1, visiting);
                } else if (selection instanceof InlineFragment inline) {
                    walk(inline.getSelectionSet(), level, visiting);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    // validation rejects cycles; the guard keeps this safe even if it ran first
                    if (fragment != null && visiting.add(spread.getName())) {
                        walk(fragment.getSelectionSet(), level, visiting);
                        visiting.remove(spread.getName());
                    }
                }
            }
        }
    }
}
