package com.nimbus.identity.review;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.vocabulary.Workflow;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** "Escalate review to supervisors" (R5): supervisors become candidates of the overdue review task. */
@ProcessBean
@Component("escalateReview")
class EscalateReviewDelegate implements JavaDelegate {

    private final TaskService tasks;

    EscalateReviewDelegate(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Workflow.USER_TASK_REVIEW).list()) {
            tasks.addCandidateGroup(task.getId(), UserGroups.SUPERVISORS);
        }
    }
}
