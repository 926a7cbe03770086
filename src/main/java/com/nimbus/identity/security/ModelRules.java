package com.nimbus.identity.security;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * What a deployed model may not contain, refused as a parse error when it is deployed (400 from {@code /engine-rest}
 * with the element named, nothing deployed): {@code camunda:class}, which has the engine build an object of any
 * class it names instead of calling a delegate by {@code camunda:delegateExpression}; and scripts (script tasks,
 * {@code camunda:script}), code of any kind in a model. The product's models call their steps by delegate
 * expressions of {@code @ProcessBean}s.
 */
class ModelRules implements BpmnParseFactory {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS,
            BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS);

    @Override
    public BpmnParse createBpmnParse(BpmnParser parser) {
        return new BpmnParse(parser) {
            @Override
            protected void parseRootElement() {
                check(rootElement, this);
                super.parseRootElement();
            }
        };
    }

    static void check(Element element, BpmnParse parse) {
        String className = element.attributeNS(CAMUNDA, "class");
        if (className != null) {
            parse.addError("This model names the class " + className + " (camunda:class): call a step with "
                    + "camunda:delegateExpression=\"${beanName}\" of a bean meant for models", element);
        }
        if ("scriptTask".equals(element.getTagName()) || "script".equals(element.getTagName())) {
            parse.addError("This model holds a script: models call Java steps by camunda:delegateExpression", element);
        }
        for (Element child : element.elements()) {
            check(child, parse);
        }
    }
}
