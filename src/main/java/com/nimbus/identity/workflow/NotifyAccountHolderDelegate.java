package com.nimbus.identity.workflow;

import com.nimbus.identity.notification.NotificationEvent;
import com.nimbus.identity.notification.NotificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notify ...": tells the account holder; the model names the event in the input parameter {@code event}. */
@Component("notifyAccountHolder")
class NotifyAccountHolderDelegate implements JavaDelegate {

    private final NotificationService notifications;

    NotifyAccountHolderDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationEvent event = NotificationEvent.valueOf(Variables.string(execution, Workflow.Var.EVENT));
        notifications.toMessageCenter(Variables.accountId(execution), Variables.applicationId(execution), event);
    }
}
