package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.Workflow;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization checks, and on top of the permission to work on a task ({@code TASK_WORK}): a user
 * completes a task (also through its form, or with a BPMN error or escalation) only while it is assigned to her, and
 * claims only a task nobody holds. The first reviewer of an application neither claims nor completes its second review
 * (four eyes). {@code TASK_WORK} alone lets every candidate complete a task a colleague holds; the
 * product records the one who completed it as the reviewer, so it must be the one who holds it.
 * <p>
 * Applies to authenticated users (the engine's REST API, the webapps); the application's own code, which runs without
 * an authenticated user, is trusted as before. Refusals are {@link AuthorizationException}s: 403 from the REST API.
 */
class AssigneeWorksTheTask extends AuthorizationCommandChecker {

    @Override
    public void checkTaskWork(TaskEntity task) {
        super.checkTaskWork(task);
        CommandContext commandContext = Context.getCommandContext();
        Authentication user = commandContext == null ? null : commandContext.getAuthentication();
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        if (user == null || user.getUserId() == null || invocation == null
                || !commandContext.isAuthorizationCheckEnabled()) {
            return;
        }
        Command<?> command = invocation.getCommand();
        String userId = user.getUserId();
        boolean firstReviewer = Workflow.USER_TASK_SECOND_REVIEW.equals(task.getTaskDefinitionKey())
                && userId.equals(task.getVariable(Workflow.Var.FIRST_REVIEWER));
        if (firstReviewer && (command instanceof ClaimTaskCmd || command instanceof CompleteTaskCmd
                || command instanceof SubmitTaskFormCmd)) {
            throw new AuthorizationException("Four eyes: " + userId + " approved this application first and cannot "
                    + "take or decide its second review (task " + task.getId() + ").");
        }
        if (command instanceof ClaimTaskCmd) {
            if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
                throw new AuthorizationException("Task " + task.getId() + " is held by " + task.getAssignee()
                        + "; " + userId + " cannot claim it.");
            }
        } else if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            if (!userId.equals(task.getAssignee())) {
                throw new AuthorizationException("Only the assignee completes task " + task.getId() + ": "
                        + (task.getAssignee() == null ? "claim it first." : "it is held by " + task.getAssignee() + "."));
            }
        }
    }
}
