package com.nimbus.identity.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * The engine's default authorizations, except that whoever deploys gets READ on the deployment and no longer DELETE:
 * deleting a deployment with its instances ({@code cascade}) deletes their history too, the record of who decided
 * what, which only an administrator may remove.
 */
class DeployersKeepTheirDeployments extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        AuthorizationEntity[] authorizations = super.newDeployment(deployment);
        if (authorizations != null) {
            for (AuthorizationEntity authorization : authorizations) {
                authorization.setPermissions(new Permission[] {Permissions.READ});
            }
        }
        return authorizations;
    }
}
