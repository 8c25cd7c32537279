"""Who handles the comments on drafts in the admin: the model permissions of the editorial roles
(``editorial.roles.CITIZEN_INPUT``), or else the page roles (whoever edits pages reads the comments, whoever
publishes them publishes or declines comments), always on the drafts of the user's own portals: a commune's editors
and approvers see their portal's comments only, the province's office (roles on the root page) every portal's.
Nobody adds comments in the admin; deleting one takes the delete permission (superusers)."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

from editorial.admin_scope import role_paths, under

# The page permissions (on some page) each action on comments takes.
PAGE_ACTIONS = {"view": {"change", "publish"}, "change": {"publish"}}


class DraftCommentPermissionPolicy(ModelPermissionPolicy):
    def _by_model_permission(self, user, action) -> bool:
        return action != "add" and user.has_perm(self._get_permission_name(action))

    def user_has_permission(self, user, action):
        if action == "add" or not user.is_active:
            return False
        if self._by_model_permission(user, action):
            return True
        return action in PAGE_ACTIONS and page_permission_policy.user_has_any_permission(user, PAGE_ACTIONS[action])

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def scope(self, user):
        """The tree paths whose drafts' comments ``user`` handles; None for all of them."""
        return role_paths(user)

    def instances_user_has_any_permission_for(self, user, actions):
        comments = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return comments.none()
        paths = self.scope(user)
        return comments if paths is None else comments.filter(under(paths, "draft__path"))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        paths = self.scope(user)
        return paths is None or any(instance.draft.path.startswith(path) for path in paths)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)
