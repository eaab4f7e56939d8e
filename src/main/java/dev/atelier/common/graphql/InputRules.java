package dev.atelier.common.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.atelier.common.StorableText;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * What the engine's own coercion lets through but must not run: an {@code Int} outside 32 bits (SmallRye's scalar
 * would wrap it: 4294967297 becomes 1), text PostgreSQL cannot store (NUL, unpaired surrogates), and a mutation with
 * more root fields than allowed per request. Checked in literals and in variables, along the schema's input types.
 */
final class InputRules {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();

    private InputRules(GraphQLSchema schema, Document document) {
        this.schema = schema;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    }

    /** The first problem of the operation the request runs, or null. */
    static String problem(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables,
            int maxMutationFields) {
        OperationDefinition operation = selected(document, operationName);
        if (operation == null) {
            return null; // the engine reports an unknown or ambiguous operation itself
        }
        InputRules rules = new InputRules(schema, document);
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            int roots = rules.rootFields(operation.getSelectionSet(), new HashSet<>());
            if (roots > maxMutationFields) {
                return "The mutation has " + roots + " root fields; at most " + maxMutationFields
                        + " may be sent in one request";
            }
        }
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            GraphQLType type = rules.type(definition.getType());
            if (type instanceof GraphQLInputType input && variables != null) {
                String problem = rules.rawValue(variables.get(definition.getName()), input, "$" + definition.getName());
                if (problem != null) {
                    return problem;
                }
            }
        }
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return rules.selections(operation.getSelectionSet(), root, new HashSet<>());
    }

    private static OperationDefinition selected(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isBlank()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
    }

    private int rootFields(SelectionSet set, Set<String> visiting) {
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += field.getName().startsWith("__") ? 0 : 1;
            } else if (selection instanceof InlineFragment inline) {
                count += rootFields(inline.getSelectionSet(), visiting);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && visiting.add(spread.getName())) {
                count += rootFields(fragments.get(spread.getName()).getSelectionSet(), visiting);
                visiting.remove(spread.getName());
            }
        }
        return count;
    }

    private String selections(SelectionSet set, GraphQLType parent, Set<String> visiting) {
        if (set == null || !(unwrap(parent) instanceof GraphQLFieldsContainer container)) {
            return null;
        }
        for (Selection<?> selection : set.getSelections()) {
            String problem = null;
            if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue; // introspection fields, or __typename
                }
                for (Argument argument : field.getArguments()) {
                    GraphQLArgument declared = definition.getArgument(argument.getName());
                    if (declared != null && problem == null) {
                        problem = literal(argument.getValue(), declared.getType(), argument.getName());
                    }
                }
                if (problem == null) {
                    problem = selections(field.getSelectionSet(), definition.getType(), visiting);
                }
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType on = inline.getTypeCondition() == null ? container
                        : schema.getType(inline.getTypeCondition().getName());
                problem = selections(inline.getSelectionSet(), on, visiting);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && visiting.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                problem = selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()),
                        visiting);
                visiting.remove(spread.getName());
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A literal in the document, against the input type it is given for. */
    private String literal(Value<?> value, GraphQLInputType type, String path) {
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof ArrayValue array) {
                for (Value<?> item : array.getValues()) {
                    String problem = literal(item, element, path + "[]");
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            return literal(value, element, path);
        }
        if (bare instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
            for (ObjectField field : fields.getObjectFields()) {
                GraphQLInputObjectField declared = object.getField(field.getName());
                String problem = declared == null ? null
                        : literal(field.getValue(), declared.getType(), path + "." + field.getName());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof IntValue number && isInt(bare)) {
            return intProblem(number.getValue(), path);
        }
        if (value instanceof StringValue text) {
            return textProblem(text.getValue(), path);
        }
        return null;
    }

    /** A variable's value as it arrived (JSON), against its declared type. */
    private String rawValue(Object value, GraphQLInputType type, String path) {
        if (value == null) {
            return null;
        }
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    String problem = rawValue(item, element, path + "[]");
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            return rawValue(value, element, path);
        }
        if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                GraphQLInputObjectField declared = object.getField(String.valueOf(field.getKey()));
                String problem = declared == null ? null
                        : rawValue(field.getValue(), declared.getType(), path + "." + field.getKey());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        String kind = kindProblem(value, bare, path);
        if (kind != null) {
            return kind;
        }
        if (isInt(bare) && value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (decimal.stripTrailingZeros().scale() > 0) {
                return path + ": " + number + " is not a whole number";
            }
            return intProblem(decimal.toBigInteger(), path);
        }
        if (value instanceof String text) {
            return textProblem(text, path);
        }
        return null;
    }

    /**
     * A variable of the wrong JSON kind for its type (a string for an Int, a number for a String, ...): a request
     * error here, in words, rather than a coercion failure mid-execution that names Java types.
     */
    private static String kindProblem(Object value, GraphQLType type, String path) {
        if (!(type instanceof GraphQLNamedType named)) {
            return null;
        }
        boolean ok = switch (named.getName()) {
            case "Int", "Float" -> value instanceof Number;
            case "String" -> value instanceof String;
            case "ID" -> value instanceof String || value instanceof Number;
            case "Boolean" -> value instanceof Boolean;
            default -> type instanceof GraphQLEnumType ? value instanceof String
                    : !(type instanceof GraphQLInputObjectType) || value instanceof Map;
        };
        return ok ? null : path + ": expected " + (type instanceof GraphQLInputObjectType ? "an object of type "
                : "a value of type ") + named.getName();
    }

    private static boolean isInt(GraphQLType type) {
        return type instanceof GraphQLNamedType named && named.getName().equals("Int");
    }

    private static String intProblem(BigInteger value, String path) {
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
            return path + ": " + value + " is outside the Int range (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")";
        }
        return null;
    }

    private static String textProblem(String text, String path) {
        return StorableText.problem(text, path);
    }

    private static GraphQLType unwrap(GraphQLType type) {
        GraphQLType t = type;
        while (t instanceof GraphQLNonNull || t instanceof GraphQLList) {
            t = t instanceof GraphQLNonNull n ? n.getWrappedType() : ((GraphQLList) t).getWrappedType();
        }
        return t;
    }

    private GraphQLType type(Type<?> ast) {
        if (ast instanceof NonNullType nonNull) {
            GraphQLType inner = type(nonNull.getType());
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (ast instanceof ListType list) {
            GraphQLType inner = type(list.getType());
            return inner == null ? null : GraphQLList.list(inner);
        }
        return schema.getType(((TypeName) ast).getName());
    }
}
