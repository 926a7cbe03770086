package com.nimbus.identity.workflow;

import com.nimbus.identity.vocabulary.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the variables the models share, whatever form Tasklist or the REST API gave them. Used by the delegates
 * of every feature; it knows only the names of the leaf package, so it ties no feature to another.
 */
public final class Variables {

    private Variables() {
    }

    public static String applicationId(VariableScope scope) {
        return (String) scope.getVariable(Workflow.Var.APPLICATION_ID);
    }

    public static String accountId(VariableScope scope) {
        return (String) scope.getVariable(Workflow.Var.ACCOUNT_ID);
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /**
     * A list of strings from a variable that Tasklist submits as Json (a checklist), a client may send as
     * a Java list, or as a JSON string.
     */
    public static List<String> stringList(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof SpinJsonNode node) {
            if (node.isArray()) {
                return stringList(node);
            } else if (node.isString()) {
                out.add(node.stringValue());
            }
        } else if (value instanceof List<?> list) {
            list.forEach(e -> out.add(String.valueOf(e)));
        } else if (value instanceof String s && s.strip().startsWith("[")) {
            return stringList(Spin.JSON(s));
        } else if (value instanceof String s && !s.isBlank()) {
            out.add(s.strip());
        }
        return out;
    }

    private static List<String> stringList(SpinJsonNode node) {
        List<String> out = new ArrayList<>();
        node.elements().forEach(e -> out.add(e.isString() ? e.stringValue() : e.toString()));
        return out;
    }

    public static String jsonArray(List<String> values) {
        SpinJsonNode array = Spin.JSON("[]");
        values.forEach(array::append);
        return array.toString();
    }
}
