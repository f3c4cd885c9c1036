package cn.huiyin.shared.validation;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * One broken field rule as a client sees it: {@code field} is the name the client sent ({@code answer},
 * {@code items[2].name}; a request parameter's own name, such as {@code limit}, when the rule is on the parameter; and
 * {@code body} for a body that is missing), never the Java path ({@code reply.arg1.answer}); {@code message} is the
 * constraint's message. The web resources and the staff forms both report violations through this.
 */
public record RejectedField(String field, String message, ConstraintViolation<?> violation) {

    /** What a rule on the body as a whole (no property of it) is reported under. */
    public static final String BODY = "body";

    /**
     * The violations in the order the fields are declared (the request's parameters, then each record's components),
     * so that the first one is the field a person reads first, the same on every run.
     */
    public static List<RejectedField> inOrder(Collection<? extends ConstraintViolation<?>> violations) {
        List<Located> located = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            located.add(Located.of(violation));
        }
        located.sort(Comparator.<Located, List<Integer>> comparing(Located::order, RejectedField::lexicographic)
                .thenComparing(l -> l.rejected().field()));
        return located.stream().map(Located::rejected).toList();
    }

    /** Whether the violation is of a method's answer (a fault of the server, not of the request). */
    public static boolean ofReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private record Located(List<Integer> order, RejectedField rejected) {

        static Located of(ConstraintViolation<?> violation) {
            List<Integer> order = new ArrayList<>();
            StringBuilder properties = new StringBuilder();
            String parameter = null;
            List<Class<?>> parameterTypes = List.of();
            Class<?> holder = violation.getRootBeanClass();
            for (Path.Node node : violation.getPropertyPath()) {
                ElementKind kind = node.getKind();
                if (kind == ElementKind.METHOD) {
                    parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
                } else if (kind == ElementKind.CONSTRUCTOR) {
                    parameterTypes = node.as(Path.ConstructorNode.class).getParameterTypes();
                } else if (kind == ElementKind.PARAMETER) {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    order.add(index);
                    parameter = node.getName();
                    holder = index < parameterTypes.size() ? parameterTypes.get(index) : Object.class;
                }
                if ((kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) && node.isInIterable()) {
                    // the node sits in an element of the container before it: items[2].name
                    properties.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    order.add(node.getIndex() != null ? node.getIndex() : Integer.MAX_VALUE);
                }
                if (kind == ElementKind.PROPERTY) {
                    properties.append(properties.length() == 0 ? "" : ".").append(node.getName());
                    order.add(position(holder, node.getName()));
                    holder = typeOf(holder, node.getName());
                }
            }
            String field = properties.length() > 0 ? properties.toString() : parameter != null ? parameter : BODY;
            return new Located(order, new RejectedField(field, violation.getMessage(), violation));
        }
    }

    private static int position(Class<?> holder, String name) {
        if (holder.isRecord()) {
            RecordComponent[] components = holder.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return i;
                }
            }
        }
        Field[] fields = holder.getDeclaredFields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Class<?> typeOf(Class<?> holder, String name) {
        for (Field field : holder.getDeclaredFields()) {
            if (field.getName().equals(name)) {
                return field.getType();
            }
        }
        return Object.class;
    }

    private static int lexicographic(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
