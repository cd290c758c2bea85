/**
 * GENERATED from FlowLedger's /api/openapi.json by packages/client/scripts/openapi-types.ts
 * (npm run generate -w @flowledger/client). Do not edit by hand.
 */
export interface paths {
    "/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers (no database access)
         * @description Liveness: the process answers (no database access)
         *
         *     Public: no key or session needed.
         */
        get: operations["getLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Database connectivity (kept for compatibility; prefer /live and /ready)
         * @description Database connectivity (kept for compatibility; prefer /live and /ready)
         *
         *     Public: no key or session needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ready to serve: not shutting down, database reachable and fully migrated
         * @description Ready to serve: not shutting down, database reachable and fully migrated
         *
         *     Public: no key or session needed.
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (process-wide)
         * @description Prometheus text, process-wide (no per-org labels). Public unless METRICS_TOKEN is set; then it needs `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). This document says which applies to this server.
         *
         *     Public: no key or session needed.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who this API key (or signed-in person) is
         * @description Who this API key (or signed-in person) is
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List this org's API keys
         * @description List this org's API keys
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key (the key is returned once)
         * @description Create an API key (the key is returned once)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revoke an API key
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password: sets the session cookie, answers the session and its CSRF token
         * @description Sign in with email and password: sets the session cookie, answers the session and its CSRF token
         *
         *     Public: no key or session needed.
         */
        post: operations["postAuthSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session and clear its cookie
         * @description End this session and clear its cookie
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postAuthSignOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the signed-in person (this one too)
         * @description End every session of the signed-in person (this one too)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postAuthSignOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person, the org the session acts in, their orgs and the CSRF token
         * @description The signed-in person, the org the session acts in, their orgs and the CSRF token
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getAuthSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch the org this session acts in (403 when not a member)
         * @description Switch the org this session acts in (403 when not a member)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postAuthSessionOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's active members (name order): owner pickers and @mention suggestions
         * @description This org's active members (name order): owner pickers and @mention suggestions
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getUsersDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/open-work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many open tasks (not COMPLETED) and open pursuits (not won/lost) the member owns here
         * @description How many open tasks (not COMPLETED) and open pursuits (not won/lost) the member owns here
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getUsersByIdOpenWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move all of a member's open tasks and pursuits to another active member (to_user_id), or unassign them (null), in one transaction
         * @description Move all of a member's open tasks and pursuits to another active member (to_user_id), or unassign them (null), in one transaction
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postUsersByIdReassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's members
         * @description This org's members
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a member's role or (de)activate them (409 for the last active admin); a deactivation answers the open work they still own (open_work)
         * @description Change a member's role or (de)activate them (409 for the last active admin); a deactivation answers the open work they still own (open_work)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchUsersById"];
        trace?: never;
    };
    "/api/users/{id}/membership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member from this org: their sessions in it end at once
         * @description Remove a member from this org: their sessions in it end at once
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteUsersByIdMembership"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's teams with their members (name order)
         * @description This org's teams with their members (name order)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getTeams"];
        put?: never;
        /**
         * Create a team (409 when the name is taken in this org)
         * @description Create a team (409 when the name is taken in this org)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postTeams"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One team with its members
         * @description One team with its members
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getTeamsById"];
        put?: never;
        post?: never;
        /**
         * Delete a team
         * @description Delete a team
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteTeamsById"];
        options?: never;
        head?: never;
        /**
         * Rename a team
         * @description Rename a team
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchTeamsById"];
        trace?: never;
    };
    "/api/teams/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a member (an active member of the org, else 400 not_a_member); a repeat is a no-op
         * @description Add a member (an active member of the org, else 400 not_a_member); a repeat is a no-op
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        put: operations["putTeamsByIdMembersByUserId"];
        post?: never;
        /**
         * Remove a member from a team
         * @description Remove a member from a team
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteTeamsByIdMembersByUserId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's pending invitations (not used, not expired)
         * @description This org's pending invitations (not used, not expired)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite a person by email to this org with a role: a one-time link is mailed
         * @description Invite a person by email to this org with a role: a one-time link is mailed
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a pending invitation: its link stops working
         * @description Revoke a pending invitation: its link stops working
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invitation link offers (404, the same, for an unknown, used, revoked or expired link)
         * @description What an invitation link offers (404, the same, for an unknown, used, revoked or expired link)
         *
         *     Public: no key or session needed.
         */
        get: operations["getAuthInvitationsByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: join the org (a new account, or the existing one with its password) and sign in
         * @description Accept an invitation: join the org (a new account, or the existing one with its password) and sign in
         *
         *     Public: no key or session needed.
         */
        post: operations["postAuthInvitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link: always 202; mailed only when an active account has this email
         * @description Ask for a password reset link: always 202; mailed only when an active account has this email
         *
         *     Public: no key or session needed.
         */
        post: operations["postAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link's token: every other session ends, this request signs in
         * @description Set a new password with a reset link's token: every other session ends, this request signs in
         *
         *     Public: no key or session needed.
         */
        post: operations["postAuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sign-in methods of this install, for the sign-in screen: password always, single sign-on when configured
         * @description The sign-in methods of this install, for the sign-in screen: password always, single sign-on when configured
         *
         *     Public: no key or session needed.
         */
        get: operations["getAuthProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in with the install's OpenID Connect provider: redirects there (authorization code + PKCE) with a short-lived sign-in cookie
         * @description A browser navigation. 404 when single sign-on is not configured; when the provider cannot be reached, redirects to /#/sign-in?error=oidc_unavailable.
         *
         *     Public: no key or session needed.
         */
        get: operations["getAuthOidcStart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The provider's redirect back: signs in the linked or invited person (session cookie, redirect to the dashboard), or redirects to /#/sign-in?error=<code>
         * @description Codes: oidc_state_invalid, oidc_failed, oidc_unavailable, email_unverified, not_invited, account_deactivated, rate_limited. Every refusal counts as a failed sign-in of the client address.
         *
         *     Public: no key or session needed.
         */
        get: operations["getAuthOidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/sla-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SLA rules of this org (workstream metrics and task windows by priority/category)
         * @description SLA rules of this org (workstream metrics and task windows by priority/category)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkstreamSlaRules"];
        put?: never;
        /**
         * Create an SLA rule
         * @description Create an SLA rule
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postWorkstreamSlaRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/sla-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an SLA rule (its open breaches resolve on the next pass)
         * @description Delete an SLA rule (its open breaches resolve on the next pass)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteWorkstreamSlaRulesById"];
        options?: never;
        head?: never;
        /**
         * Change an SLA rule
         * @description Change an SLA rule
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchWorkstreamSlaRulesById"];
        trace?: never;
    };
    "/api/workstream/sla-breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SLA breaches, newest first
         * @description SLA breaches, newest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkstreamSlaBreaches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla/tasks/{taskId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a task's SLA clock (idempotent)
         * @description Pause a task's SLA clock (idempotent)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postSlaTasksByTaskIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla/tasks/{taskId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a task's SLA clock; the deadline moves by the paused time
         * @description Resume a task's SLA clock; the deadline moves by the paused time
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postSlaTasksByTaskIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Org SLA settings
         * @description Org SLA settings
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getSlaSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the high-value alert threshold
         * @description Change the high-value alert threshold
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchSlaSettings"];
        trace?: never;
    };
    "/api/workflow/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks (filters, sort, paging)
         * @description List tasks (filters, sort, paging)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Create a task
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task with its status history (oldest first) and thread
         * @description A task with its status history (oldest first) and thread
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /**
         * Delete a task (member or admin)
         * @description Delete a task (member or admin)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Change a task: the fields to change, and optionally `reason` (recorded with a status change)
         * @description Change a task: the fields to change, and optionally `reason` (recorded with a status change)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/workflow/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks (filters, sort, paging)
         * @description List tasks (filters, sort, paging)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["workflowList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/get/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task with its status history, oldest first
         * @description A task with its status history, oldest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["workflowGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task
         * @description Create a task
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["workflowCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/update/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a task (status changes are recorded in its history)
         * @description Update a task (status changes are recorded in its history)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        put: operations["workflowUpdate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/delete/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a task (member or admin)
         * @description Delete a task (member or admin)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["workflowDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Executive metrics (executive_metrics_v2)
         * @description Executive metrics (executive_metrics_v2)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkflowMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-bucket analytics (day, week, month), empty buckets included
         * @description Per-bucket analytics (day, week, month), empty buckets included
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkflowAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Category performance (category_performance_v2)
         * @description Category performance (category_performance_v2)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkflowCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Owner workload (owner_workload_v2)
         * @description Owner workload (owner_workload_v2)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkflowOwners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/realtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Real-time figures (real_time_metrics)
         * @description Real-time figures (real_time_metrics)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkflowRealtime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/patterns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Detected patterns, most frequent first
         * @description Detected patterns, most frequent first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkflowPatterns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's outbox queue by state
         * @description This org's outbox queue by state
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getOutboxStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dead-lettered work events, newest first
         * @description Dead-lettered work events, newest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getOutboxDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/dead-letters/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redrive a dead letter: due now, with a fresh attempt budget
         * @description Redrive a dead letter: due now, with a fresh attempt budget
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postOutboxDeadLettersByIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/dead-letters/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Discard a dead letter: it leaves the list and is never retried (its handlers never run)
         * @description Discard a dead letter: it leaves the list and is never retried (its handlers never run)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postOutboxDeadLettersByIdDiscard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's audit events, newest first; event_name keeps those whose name starts with it (audit.user. for one kind)
         * @description This org's audit events, newest first; event_name keeps those whose name starts with it (audit.user. for one kind)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's webhook endpoints
         * @description This org's webhook endpoints
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint (the signing secret is returned once)
         * @description Register a webhook endpoint (the signing secret is returned once)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook endpoint
         * @description One webhook endpoint
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint and its delivery log
         * @description Delete a webhook endpoint and its delivery log
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint: url, event filter, pause/resume (is_active), or rotate its secret
         * @description Change an endpoint: url, event filter, pause/resume (is_active), or rotate its secret
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery attempts, newest first
         * @description Delivery attempts, newest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{delivery_id}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed or dead-lettered delivery again: due now, with a fresh attempt budget (idempotent)
         * @description Send a failed or dead-lettered delivery again: due now, with a fresh attempt budget (idempotent)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["redriveWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today panel: open candidates and pursuits, red/amber/green, at most 200
         * @description Today panel: open candidates and pursuits, red/amber/green, at most 200
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkstreamToday"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Totals and created in the last 7 days
         * @description Totals and created in the last 7 days
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkstreamStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activity log of one item (item_type + item_id) or of the org, newest first
         * @description Activity log of one item (item_type + item_id) or of the org, newest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkstreamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signals, newest ts first (filters: source_type, since, until on ts; dates are whole days in tz)
         * @description Signals, newest ts first (filters: source_type, since, until on ts; dates are whole days in tz)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["listSignals"];
        put?: never;
        /**
         * Create a signal, or a batch of up to 1000
         * @description One signal, or `{"signals": [...]}` (1–1000) written in one transaction. A signal whose `dedupe_key` is known is not written again: the existing one is in the answer. 201 when at least one signal was created, else 200. A batch answers `{data, created, existing}`.
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createSignals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/signals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One signal
         * @description One signal
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getSignal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change owner, cluster, urgency, problem/solution fields
         * @description Change owner, cluster, urgency, problem/solution fields
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["updateSignal"];
        trace?: never;
    };
    "/api/workstream/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candidates, last touched first (filter: status)
         * @description Candidates, last touched first (filter: status)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["listCandidates"];
        put?: never;
        /**
         * Create a candidate (status new), optionally linked to signals
         * @description Create a candidate (status new), optionally linked to signals
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/candidates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One candidate with its linked signals, its pursuit id and recent events
         * @description One candidate with its linked signals, its pursuit id and recent events
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getCandidate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change title or owner, or link more signals (status moves go through /transition)
         * @description Change title or owner, or link more signals (status moves go through /transition)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["updateCandidate"];
        trace?: never;
    };
    "/api/workstream/candidates/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a candidate (new→triaged→nurture|on_hold|promoted|archived…); promoted creates the pursuit
         * @description Move a candidate (new→triaged→nurture|on_hold|promoted|archived…); promoted creates the pursuit
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["transitionCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/pursuits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pursuits, newest first (filters: stage; owner_user_id = a user id, or me for the signed-in person)
         * @description Pursuits, newest first (filters: stage; owner_user_id = a user id, or me for the signed-in person)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["listPursuits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/pursuits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One pursuit with its checklist, readiness to submit and proposals
         * @description One pursuit with its checklist, readiness to submit and proposals
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getPursuit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change due_date, value, owner or title (owner_user_id: an active member of the org, else 400 not_a_member; a new owner appends pursuit.assigned)
         * @description Change due_date, value, owner or title (owner_user_id: an active member of the org, else 400 not_a_member; a new owner appends pursuit.assigned)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["updatePursuit"];
        trace?: never;
    };
    "/api/workstream/pursuits/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a pursuit (qual→pink→red→submit→won|lost); submit needs the required checklist done, lost a reason
         * @description Move a pursuit (qual→pink→red→submit→won|lost); submit needs the required checklist done, lost a reason
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["transitionPursuit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/pursuits/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pursuit's checklist and readiness
         * @description A pursuit's checklist and readiness
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getWorkstreamPursuitsByIdChecklist"];
        put?: never;
        /**
         * Add a checklist item (required by default)
         * @description Add a checklist item (required by default)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postWorkstreamPursuitsByIdChecklist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/pursuits/{id}/checklist/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a checklist item
         * @description Remove a checklist item
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteWorkstreamPursuitsByIdChecklistByItemId"];
        options?: never;
        head?: never;
        /**
         * Mark an item done/undone (records who and when), rename it or change is_required
         * @description Mark an item done/undone (records who and when), rename it or change is_required
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchWorkstreamPursuitsByIdChecklistByItemId"];
        trace?: never;
    };
    "/api/workstream/pursuits/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pursuit's proposals, newest version first
         * @description A pursuit's proposals, newest version first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["listProposals"];
        put?: never;
        /**
         * Create the next proposal version (draft)
         * @description Create the next proposal version (draft)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["createProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstream/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One proposal version
         * @description One proposal version
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a draft's recipient_email, subject, doc_url or body (409 once sent)
         * @description Change a draft's recipient_email, subject, doc_url or body (409 once sent)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["updateProposal"];
        trace?: never;
    };
    "/api/comments/{item_type}/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An item's comments (item_type task or pursuit), oldest first
         * @description An item's comments (item_type task or pursuit), oldest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getCommentsByItemTypeByItemId"];
        put?: never;
        /**
         * Comment on a task or a pursuit (Markdown; @email mentions of members resolved)
         * @description Comment on a task or a pursuit (Markdown; @email mentions of members resolved)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postCommentsByItemTypeByItemId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/{comment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a comment (its author, or an admin)
         * @description Delete a comment (its author, or an admin)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteCommentsByCommentId"];
        options?: never;
        head?: never;
        /**
         * Edit a comment (its author only)
         * @description Edit a comment (its author only)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchCommentsByCommentId"];
        trace?: never;
    };
    "/api/ingest/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ingest batches, newest first
         * @description Ingest batches, newest first
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getIngestBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ingest batch with its counts
         * @description One ingest batch with its counts
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getIngestBatchesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/batches/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch's messages and what each became (filter outcome=failed for the reasons)
         * @description A batch's messages and what each became (filter outcome=failed for the reasons)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getIngestBatchesByIdItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Routing rules: new tasks of a category go to its owner ("*" = every other category)
         * @description Routing rules: new tasks of a category go to its owner ("*" = every other category)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getIngestRoutingRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/routing-rules/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Route a category to an owner (creates or replaces); assign_user_id or assign_team_id (round-robin) also assigns its new tasks (owner defaults to their name)
         * @description Route a category to an owner (creates or replaces); assign_user_id or assign_team_id (round-robin) also assigns its new tasks (owner defaults to their name)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        put: operations["putIngestRoutingRulesByCategory"];
        post?: never;
        /**
         * Remove a routing rule
         * @description Remove a routing rule
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteIngestRoutingRulesByCategory"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Extraction settings: extra category rules, minimum score, own names, ignored domains
         * @description Extraction settings: extra category rules, minimum score, own names, ignored domains
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getIngestConfig"];
        /**
         * Replace the extraction settings
         * @description Replace the extraction settings
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        put: operations["putIngestConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest raw RFC 822 messages (JSON array of strings, {"messages": [...]}, one JSON string, a message/rfc822 body, or an application/mbox body)
         * @description Ingest raw RFC 822 messages (JSON array of strings, {"messages": [...]}, one JSON string, a message/rfc822 body, or an application/mbox body)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role member or admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postIngestEmails"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This org's mailboxes with their state
         * @description This org's mailboxes with their state
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getMailboxes"];
        put?: never;
        /**
         * Add a mailbox to watch over IMAP (the credential is write-only)
         * @description Add a mailbox to watch over IMAP (the credential is write-only)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postMailboxes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One mailbox with its state
         * @description One mailbox with its state
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org.
         */
        get: operations["getMailboxesById"];
        put?: never;
        post?: never;
        /**
         * Remove a mailbox (mail already ingested stays)
         * @description Remove a mailbox (mail already ingested stays)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        delete: operations["deleteMailboxesById"];
        options?: never;
        head?: never;
        /**
         * Change a mailbox (the worker holding it reconnects with the new settings)
         * @description Change a mailbox (the worker holding it reconnects with the new settings)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`.
         */
        patch: operations["patchMailboxesById"];
        trace?: never;
    };
    "/api/mailboxes/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect with the stored settings and report the folders and message counts found, or why it failed
         * @description Connect with the stored settings and report the folders and message counts found, or why it failed
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with the role admin in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postMailboxesByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person's notifications in this org, newest first (unread=true: unread only)
         * @description The signed-in person's notifications in this org, newest first (unread=true: unread only)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of the signed-in person's notifications in this org are unread
         * @description How many of the signed-in person's notifications in this org are unread
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getNotificationsUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read: {ids} (others’ ids are ignored) or {all: true}
         * @description Mark notifications read: {ids} (others’ ids are ignored) or {all: true}
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org. With the session cookie, also `X-CSRF-Token`. Send `Idempotency-Key` to retry safely.
         */
        post: operations["postNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per kind: shown in the app, sent by email (both on unless switched off)
         * @description Per kind: shown in the app, sent by email (both on unless switched off)
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org.
         */
        get: operations["getNotificationsPreferences"];
        /**
         * Set switches per kind (kinds not listed keep theirs); answers every kind
         * @description Set switches per kind (kinds not listed keep theirs); answers every kind
         *
         *     Needs an API key (`Authorization: Bearer <key>`) or a session cookie, with any role in the org. With the session cookie, also `X-CSRF-Token`.
         */
        put: operations["putNotificationsPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Every error answer of the REST API has this shape (tRPC procedures answer in the tRPC envelope instead).
         * @example {
         *       "error": "Invalid body: title",
         *       "code": "bad_request",
         *       "details": {
         *         "in": "body",
         *         "fields": [
         *           {
         *             "field": "title",
         *             "message": "Too small: expected string to have >=1 characters"
         *           }
         *         ]
         *       }
         *     }
         */
        Error: {
            /** @description What went wrong, for people; may change between versions. */
            error: string;
            /**
             * @description Stable machine-readable code (docs/contract.md lists them with their statuses).
             * @enum {string}
             */
            code: "bad_request" | "unauthorized" | "invalid_credentials" | "forbidden" | "csrf_failed" | "not_found" | "not_a_member" | "checklist_incomplete" | "conflict" | "payload_too_large" | "invalid_transition" | "precondition_failed" | "rate_limited" | "idempotency_mismatch" | "idempotency_in_progress" | "unavailable" | "internal";
            /** @description Optional, per code: `fields` (`[{field, message}]`) for invalid input, `retry_after_s` for `rate_limited` and `unavailable`, `allowed` for a wrong method, `missing` for unknown ids in a list. */
            details?: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "alive";
                    };
                };
            };
            /** @description A request the HTTP layer refuses before the route runs: malformed (400), headers too large (431). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "healthy" | "unhealthy";
                        timestamp: string;
                        services: {
                            /** @enum {string} */
                            database: "connected" | "disconnected";
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "healthy" | "unhealthy";
                        timestamp: string;
                        services: {
                            /** @enum {string} */
                            database: "connected" | "disconnected";
                        };
                    };
                };
            };
            /** @description A request the HTTP layer refuses before the route runs: malformed (400), headers too large (431). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready" | "not_ready";
                        /** @enum {string} */
                        reason?: "draining" | "database_unreachable" | "migrations_pending";
                        /** @enum {string} */
                        database?: "connected" | "unreachable";
                        /** @enum {string} */
                        migrations?: "complete" | "pending";
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready" | "not_ready";
                        /** @enum {string} */
                        reason?: "draining" | "database_unreachable" | "migrations_pending";
                        /** @enum {string} */
                        database?: "connected" | "unreachable";
                        /** @enum {string} */
                        migrations?: "complete" | "pending";
                    };
                };
            };
            /** @description A request the HTTP layer refuses before the route runs: malformed (400), headers too large (431). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description A request the HTTP layer refuses before the route runs: malformed (400), headers too large (431). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        org_id: number;
                        org_name: string;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        key_id: number | null;
                        key_name: string | null;
                        user_id: number | null;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            key_id: number;
                            org_id: number;
                            name: string | null;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                            key_prefix: string;
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                        }[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "member" | "viewer";
                    name?: string;
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key_id: number;
                        org_id: number;
                        name: string | null;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        key_prefix: string;
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                        key: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key_id: number;
                        org_id: number;
                        name: string | null;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        key_prefix: string;
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            user_id: number;
                            email: string;
                            name: string;
                        };
                        org: {
                            org_id: number;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        orgs: {
                            org_id: number;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                        }[];
                        csrf_token: string;
                        expires_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignOutEverywhere: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions_ended: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            user_id: number;
                            email: string;
                            name: string;
                        };
                        org: {
                            org_id: number;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        orgs: {
                            org_id: number;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                        }[];
                        csrf_token: string;
                        expires_at: string;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSessionOrg: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    org_id: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            user_id: number;
                            email: string;
                            name: string;
                        };
                        org: {
                            org_id: number;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        orgs: {
                            org_id: number;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                        }[];
                        csrf_token: string;
                        expires_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsersDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            user_id: number;
                            name: string;
                            email: string;
                        }[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsersByIdOpenWork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        open_tasks: number;
                        open_pursuits: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postUsersByIdReassign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    to_user_id: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        to_user_id: number | null;
                        moved_tasks: number;
                        moved_pursuits: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            user_id: number;
                            org_id: number;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                            /** @enum {string} */
                            status: "active" | "deactivated";
                            has_password: boolean;
                            created_at: string;
                            deactivated_at: string | null;
                        }[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "admin" | "member" | "viewer";
                    /** @enum {string} */
                    status?: "active" | "deactivated";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        org_id: number;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        /** @enum {string} */
                        status: "active" | "deactivated";
                        has_password: boolean;
                        created_at: string;
                        deactivated_at: string | null;
                        open_work?: {
                            user_id: number;
                            open_tasks: number;
                            open_pursuits: number;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the last active admin (demote, deactivate), or the status of someone who also belongs to other orgs (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUsersByIdMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        org_id: number;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        /** @enum {string} */
                        status: "active" | "deactivated";
                        has_password: boolean;
                        created_at: string;
                        deactivated_at: string | null;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the last active admin (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTeams: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            team_id: number;
                            name: string;
                            members: {
                                user_id: number;
                                name: string;
                                email: string;
                                active: boolean;
                            }[];
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTeams: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team_id: number;
                        name: string;
                        members: {
                            user_id: number;
                            name: string;
                            email: string;
                            active: boolean;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken in this org (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTeamsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team_id: number;
                        name: string;
                        members: {
                            user_id: number;
                            name: string;
                            email: string;
                            active: boolean;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTeamsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an assignment rule names the team (`conflict`, `details.categories`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchTeamsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team_id: number;
                        name: string;
                        members: {
                            user_id: number;
                            name: string;
                            email: string;
                            active: boolean;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken in this org (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putTeamsByIdMembersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team_id: number;
                        name: string;
                        members: {
                            user_id: number;
                            name: string;
                            email: string;
                            active: boolean;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTeamsByIdMembersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team_id: number;
                        name: string;
                        members: {
                            user_id: number;
                            name: string;
                            email: string;
                            active: boolean;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            invitation_id: string;
                            org_id: number;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                            created_by: string;
                            created_at: string;
                            expires_at: string;
                        }[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "member" | "viewer";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitation_id: string;
                        org_id: number;
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        created_by: string;
                        created_at: string;
                        expires_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description already a member of this org, or no PUBLIC_URL to link to (`conflict`, `details.reason: "public_url_missing"`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitation_id: string;
                        org_id: number;
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        created_by: string;
                        created_at: string;
                        expires_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthInvitationsByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        org: {
                            org_id: number;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        expires_at: string;
                        has_account: boolean;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthInvitationsAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    name: string;
                    password: string;
                    email?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            user_id: number;
                            email: string;
                            name: string;
                        };
                        org: {
                            org_id: number;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        orgs: {
                            org_id: number;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                        }[];
                        csrf_token: string;
                        expires_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an existing account's password is wrong (`invalid_credentials`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the account is deactivated (`forbidden`), or the request is cross-site (`csrf_failed`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unknown, used, revoked or expired token (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description already a member of the org (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted: queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            user_id: number;
                            email: string;
                            name: string;
                        };
                        org: {
                            org_id: number;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                        orgs: {
                            org_id: number;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                        }[];
                        csrf_token: string;
                        expires_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        password: true;
                        oidc: {
                            name: string;
                            start_url: string;
                        } | null;
                    };
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request the HTTP layer refuses before the route runs: malformed (400), headers too large (431). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthOidcStart: {
        parameters: {
            query?: {
                /** @description The org to act in after sign-in (a preference: their first org otherwise) */
                org_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (Location header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthOidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (Location header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkstreamSlaRules: {
        parameters: {
            query?: {
                metric?: string;
                active?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            rule_id: number;
                            org_id: number;
                            metric: string;
                            threshold_hrs: number;
                            first_response_hrs: number | null;
                            warn_pct: number;
                            is_active: boolean;
                            calendar: {
                                time_zone: string;
                                /**
                                 * @default [
                                 *       1,
                                 *       2,
                                 *       3,
                                 *       4,
                                 *       5
                                 *     ]
                                 */
                                days: number[];
                                /** @default 09:00 */
                                start: string;
                                /** @default 17:00 */
                                end: string;
                                /** @default [] */
                                holidays: string[];
                            } | null;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkstreamSlaRules: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    metric: string;
                    threshold_hrs: number;
                    /** @default null */
                    first_response_hrs?: number | null;
                    /** @default 75 */
                    warn_pct?: number;
                    /** @default true */
                    is_active?: boolean;
                    /** @default null */
                    calendar?: {
                        time_zone: string;
                        /**
                         * @default [
                         *       1,
                         *       2,
                         *       3,
                         *       4,
                         *       5
                         *     ]
                         */
                        days?: number[];
                        /** @default 09:00 */
                        start?: string;
                        /** @default 17:00 */
                        end?: string;
                        /** @default [] */
                        holidays?: string[];
                    } | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rule_id: number;
                        org_id: number;
                        metric: string;
                        threshold_hrs: number;
                        first_response_hrs: number | null;
                        warn_pct: number;
                        is_active: boolean;
                        calendar: {
                            time_zone: string;
                            /**
                             * @default [
                             *       1,
                             *       2,
                             *       3,
                             *       4,
                             *       5
                             *     ]
                             */
                            days: number[];
                            /** @default 09:00 */
                            start: string;
                            /** @default 17:00 */
                            end: string;
                            /** @default [] */
                            holidays: string[];
                        } | null;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWorkstreamSlaRulesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchWorkstreamSlaRulesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    metric?: string;
                    threshold_hrs?: number;
                    first_response_hrs?: number | null;
                    warn_pct?: number;
                    is_active?: boolean;
                    calendar?: {
                        time_zone: string;
                        /**
                         * @default [
                         *       1,
                         *       2,
                         *       3,
                         *       4,
                         *       5
                         *     ]
                         */
                        days?: number[];
                        /** @default 09:00 */
                        start?: string;
                        /** @default 17:00 */
                        end?: string;
                        /** @default [] */
                        holidays?: string[];
                    } | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rule_id: number;
                        org_id: number;
                        metric: string;
                        threshold_hrs: number;
                        first_response_hrs: number | null;
                        warn_pct: number;
                        is_active: boolean;
                        calendar: {
                            time_zone: string;
                            /**
                             * @default [
                             *       1,
                             *       2,
                             *       3,
                             *       4,
                             *       5
                             *     ]
                             */
                            days: number[];
                            /** @default 09:00 */
                            start: string;
                            /** @default 17:00 */
                            end: string;
                            /** @default [] */
                            holidays: string[];
                        } | null;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkstreamSlaBreaches: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                open?: "0" | "1" | "true" | "false";
                item_type?: "candidate" | "pursuit" | "task";
                item_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            breach_id: number;
                            org_id: number;
                            item_type: string;
                            item_id: string;
                            rule_id: number;
                            metric: string;
                            reason_code: string;
                            breached_at: string;
                            resolved_at: string | null;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSlaTasksByTaskIdPause: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        sla_paused: boolean;
                        sla_paused_at: string | null;
                        sla_deadline: string | null;
                        sla_status: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the task is completed (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSlaTasksByTaskIdResume: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        sla_paused: boolean;
                        sla_paused_at: string | null;
                        sla_deadline: string | null;
                        sla_status: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSlaSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        high_value_threshold: number;
                        currency: string;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSlaSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    high_value_threshold: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        high_value_threshold: number;
                        currency: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                org_id?: string;
                status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                category?: string;
                owner?: string;
                owner_user_id?: "me" | string;
                priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                from?: string;
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                to?: string;
                tz?: string;
                search?: string;
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                /** @description csv: every matching row as CSV, streamed (paging does not apply); also Accept: text/csv */
                format?: "json" | "csv";
                sort?: "sla_deadline" | "created_at" | "updated_at" | "dollar_value" | "priority" | "status";
                direction?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            task_id: string;
                            org_id: number;
                            workflow_category: string;
                            /** @enum {string} */
                            task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                            current_owner: string | null;
                            owner_email: string | null;
                            owner_user_id: number | null;
                            owner_name: string | null;
                            dollar_value: number;
                            currency: string;
                            sla_deadline: string | null;
                            /** @enum {string} */
                            sla_status: "ok" | "warning" | "breached";
                            sla_paused_at: string | null;
                            sla_warned_at: string | null;
                            sla_breached_at: string | null;
                            entities: {
                                [key: string]: unknown;
                            };
                            customer_name: string | null;
                            po_number: string | null;
                            quote_number: string | null;
                            /** @enum {string} */
                            source_type: "email" | "manual" | "api";
                            source_message_id: string | null;
                            source_sender: string | null;
                            source_subject: string | null;
                            source_received_at: string | null;
                            signal_id: number | null;
                            pattern_id: number | null;
                            category_reason: string | null;
                            tags: string[];
                            created_by: string | null;
                            created_at: string;
                            updated_at: string;
                            first_response_at: string | null;
                            completed_at: string | null;
                            resolution_hours: number | null;
                            first_response_due_at: string | null;
                            /** @enum {string} */
                            first_response_status: "ok" | "warning" | "breached";
                            version: number;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "workflow_category": "quote_request",
                 *       "title": "Quote 40 valves for Acme",
                 *       "priority": "HIGH",
                 *       "customer_name": "Acme",
                 *       "dollar_value": 12500,
                 *       "currency": "USD",
                 *       "tags": [
                 *         "valves"
                 *       ]
                 *     }
                 */
                "application/json": {
                    org_id?: number;
                    workflow_category: string;
                    title: string;
                    description?: string | null;
                    /** @enum {string} */
                    task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                    /** @enum {string} */
                    priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                    current_owner?: string | null;
                    owner_email?: string | null;
                    owner_user_id?: number | null;
                    dollar_value?: number;
                    currency?: string;
                    /** Format: date-time */
                    sla_deadline?: string;
                    entities?: {
                        [key: string]: unknown;
                    };
                    customer_name?: string | null;
                    po_number?: string | null;
                    quote_number?: string | null;
                    /** @enum {string} */
                    source_type?: "email" | "manual" | "api";
                    source_message_id?: string | null;
                    source_sender?: string | null;
                    source_subject?: string | null;
                    source_received_at?: string | null;
                    signal_id?: number | null;
                    pattern_id?: number | null;
                    category_reason?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        org_id: number;
                        workflow_category: string;
                        /** @enum {string} */
                        task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner: string | null;
                        owner_email: string | null;
                        owner_user_id: number | null;
                        owner_name: string | null;
                        dollar_value: number;
                        currency: string;
                        sla_deadline: string | null;
                        /** @enum {string} */
                        sla_status: "ok" | "warning" | "breached";
                        sla_paused_at: string | null;
                        sla_warned_at: string | null;
                        sla_breached_at: string | null;
                        entities: {
                            [key: string]: unknown;
                        };
                        customer_name: string | null;
                        po_number: string | null;
                        quote_number: string | null;
                        /** @enum {string} */
                        source_type: "email" | "manual" | "api";
                        source_message_id: string | null;
                        source_sender: string | null;
                        source_subject: string | null;
                        source_received_at: string | null;
                        signal_id: number | null;
                        pattern_id: number | null;
                        category_reason: string | null;
                        tags: string[];
                        created_by: string | null;
                        created_at: string;
                        updated_at: string;
                        first_response_at: string | null;
                        completed_at: string | null;
                        resolution_hours: number | null;
                        first_response_due_at: string | null;
                        /** @enum {string} */
                        first_response_status: "ok" | "warning" | "breached";
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        org_id: number;
                        workflow_category: string;
                        /** @enum {string} */
                        task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner: string | null;
                        owner_email: string | null;
                        owner_user_id: number | null;
                        owner_name: string | null;
                        dollar_value: number;
                        currency: string;
                        sla_deadline: string | null;
                        /** @enum {string} */
                        sla_status: "ok" | "warning" | "breached";
                        sla_paused_at: string | null;
                        sla_warned_at: string | null;
                        sla_breached_at: string | null;
                        entities: {
                            [key: string]: unknown;
                        };
                        customer_name: string | null;
                        po_number: string | null;
                        quote_number: string | null;
                        /** @enum {string} */
                        source_type: "email" | "manual" | "api";
                        source_message_id: string | null;
                        source_sender: string | null;
                        source_subject: string | null;
                        source_received_at: string | null;
                        signal_id: number | null;
                        pattern_id: number | null;
                        category_reason: string | null;
                        tags: string[];
                        created_by: string | null;
                        created_at: string;
                        updated_at: string;
                        first_response_at: string | null;
                        completed_at: string | null;
                        resolution_hours: number | null;
                        first_response_due_at: string | null;
                        /** @enum {string} */
                        first_response_status: "ok" | "warning" | "breached";
                        version: number;
                        history: {
                            history_id: number;
                            from_status: ("RED" | "YELLOW" | "GREEN" | "COMPLETED") | null;
                            /** @enum {string} */
                            to_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                            changed_by: string;
                            reason: string | null;
                            changed_at: string;
                        }[];
                        messages: {
                            task_message_id: number;
                            message_id: string | null;
                            /** @enum {string} */
                            direction: "inbound" | "outbound";
                            sender: string | null;
                            subject: string | null;
                            snippet: string | null;
                            received_at: string;
                            signal_id: number | null;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "task_status": "YELLOW",
                 *       "current_owner": "Ada",
                 *       "reason": "Waiting for the drawings"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                    workflow_category?: string;
                    title?: string;
                    description?: string | null;
                    /** @enum {string} */
                    priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                    current_owner?: string | null;
                    owner_email?: string | null;
                    owner_user_id?: number | null;
                    dollar_value?: number;
                    /** Format: date-time */
                    sla_deadline?: string;
                    entities?: {
                        [key: string]: unknown;
                    };
                    customer_name?: string | null;
                    po_number?: string | null;
                    quote_number?: string | null;
                    category_reason?: string | null;
                    tags?: string[];
                    first_response_at?: string | null;
                    org_id?: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        org_id: number;
                        workflow_category: string;
                        /** @enum {string} */
                        task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner: string | null;
                        owner_email: string | null;
                        owner_user_id: number | null;
                        owner_name: string | null;
                        dollar_value: number;
                        currency: string;
                        sla_deadline: string | null;
                        /** @enum {string} */
                        sla_status: "ok" | "warning" | "breached";
                        sla_paused_at: string | null;
                        sla_warned_at: string | null;
                        sla_breached_at: string | null;
                        entities: {
                            [key: string]: unknown;
                        };
                        customer_name: string | null;
                        po_number: string | null;
                        quote_number: string | null;
                        /** @enum {string} */
                        source_type: "email" | "manual" | "api";
                        source_message_id: string | null;
                        source_sender: string | null;
                        source_subject: string | null;
                        source_received_at: string | null;
                        signal_id: number | null;
                        pattern_id: number | null;
                        category_reason: string | null;
                        tags: string[];
                        created_by: string | null;
                        created_at: string;
                        updated_at: string;
                        first_response_at: string | null;
                        completed_at: string | null;
                        resolution_hours: number | null;
                        first_response_due_at: string | null;
                        /** @enum {string} */
                        first_response_status: "ok" | "warning" | "breached";
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    workflowList: {
        parameters: {
            query?: {
                org_id?: string;
                status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                category?: string;
                owner?: string;
                owner_user_id?: "me" | string;
                priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                from?: string;
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                to?: string;
                tz?: string;
                search?: string;
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                /** @description csv: every matching row as CSV, streamed (paging does not apply); also Accept: text/csv */
                format?: "json" | "csv";
                sort?: "sla_deadline" | "created_at" | "updated_at" | "dollar_value" | "priority" | "status";
                direction?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            task_id: string;
                            org_id: number;
                            workflow_category: string;
                            /** @enum {string} */
                            task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                            current_owner: string | null;
                            owner_email: string | null;
                            owner_user_id: number | null;
                            owner_name: string | null;
                            dollar_value: number;
                            currency: string;
                            sla_deadline: string | null;
                            /** @enum {string} */
                            sla_status: "ok" | "warning" | "breached";
                            sla_paused_at: string | null;
                            sla_warned_at: string | null;
                            sla_breached_at: string | null;
                            entities: {
                                [key: string]: unknown;
                            };
                            customer_name: string | null;
                            po_number: string | null;
                            quote_number: string | null;
                            /** @enum {string} */
                            source_type: "email" | "manual" | "api";
                            source_message_id: string | null;
                            source_sender: string | null;
                            source_subject: string | null;
                            source_received_at: string | null;
                            signal_id: number | null;
                            pattern_id: number | null;
                            category_reason: string | null;
                            tags: string[];
                            created_by: string | null;
                            created_at: string;
                            updated_at: string;
                            first_response_at: string | null;
                            completed_at: string | null;
                            resolution_hours: number | null;
                            first_response_due_at: string | null;
                            /** @enum {string} */
                            first_response_status: "ok" | "warning" | "breached";
                            version: number;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    workflowGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        org_id: number;
                        workflow_category: string;
                        /** @enum {string} */
                        task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner: string | null;
                        owner_email: string | null;
                        owner_user_id: number | null;
                        owner_name: string | null;
                        dollar_value: number;
                        currency: string;
                        sla_deadline: string | null;
                        /** @enum {string} */
                        sla_status: "ok" | "warning" | "breached";
                        sla_paused_at: string | null;
                        sla_warned_at: string | null;
                        sla_breached_at: string | null;
                        entities: {
                            [key: string]: unknown;
                        };
                        customer_name: string | null;
                        po_number: string | null;
                        quote_number: string | null;
                        /** @enum {string} */
                        source_type: "email" | "manual" | "api";
                        source_message_id: string | null;
                        source_sender: string | null;
                        source_subject: string | null;
                        source_received_at: string | null;
                        signal_id: number | null;
                        pattern_id: number | null;
                        category_reason: string | null;
                        tags: string[];
                        created_by: string | null;
                        created_at: string;
                        updated_at: string;
                        first_response_at: string | null;
                        completed_at: string | null;
                        resolution_hours: number | null;
                        first_response_due_at: string | null;
                        /** @enum {string} */
                        first_response_status: "ok" | "warning" | "breached";
                        version: number;
                        history: {
                            history_id: number;
                            from_status: ("RED" | "YELLOW" | "GREEN" | "COMPLETED") | null;
                            /** @enum {string} */
                            to_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                            changed_by: string;
                            reason: string | null;
                            changed_at: string;
                        }[];
                        messages: {
                            task_message_id: number;
                            message_id: string | null;
                            /** @enum {string} */
                            direction: "inbound" | "outbound";
                            sender: string | null;
                            subject: string | null;
                            snippet: string | null;
                            received_at: string;
                            signal_id: number | null;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    workflowCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "workflow_category": "quote_request",
                 *       "title": "Quote 40 valves for Acme",
                 *       "priority": "HIGH",
                 *       "customer_name": "Acme",
                 *       "dollar_value": 12500,
                 *       "currency": "USD",
                 *       "tags": [
                 *         "valves"
                 *       ]
                 *     }
                 */
                "application/json": {
                    org_id?: number;
                    workflow_category: string;
                    title: string;
                    description?: string | null;
                    /** @enum {string} */
                    task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                    /** @enum {string} */
                    priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                    current_owner?: string | null;
                    owner_email?: string | null;
                    owner_user_id?: number | null;
                    dollar_value?: number;
                    currency?: string;
                    /** Format: date-time */
                    sla_deadline?: string;
                    entities?: {
                        [key: string]: unknown;
                    };
                    customer_name?: string | null;
                    po_number?: string | null;
                    quote_number?: string | null;
                    /** @enum {string} */
                    source_type?: "email" | "manual" | "api";
                    source_message_id?: string | null;
                    source_sender?: string | null;
                    source_subject?: string | null;
                    source_received_at?: string | null;
                    signal_id?: number | null;
                    pattern_id?: number | null;
                    category_reason?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        org_id: number;
                        workflow_category: string;
                        /** @enum {string} */
                        task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner: string | null;
                        owner_email: string | null;
                        owner_user_id: number | null;
                        owner_name: string | null;
                        dollar_value: number;
                        currency: string;
                        sla_deadline: string | null;
                        /** @enum {string} */
                        sla_status: "ok" | "warning" | "breached";
                        sla_paused_at: string | null;
                        sla_warned_at: string | null;
                        sla_breached_at: string | null;
                        entities: {
                            [key: string]: unknown;
                        };
                        customer_name: string | null;
                        po_number: string | null;
                        quote_number: string | null;
                        /** @enum {string} */
                        source_type: "email" | "manual" | "api";
                        source_message_id: string | null;
                        source_sender: string | null;
                        source_subject: string | null;
                        source_received_at: string | null;
                        signal_id: number | null;
                        pattern_id: number | null;
                        category_reason: string | null;
                        tags: string[];
                        created_by: string | null;
                        created_at: string;
                        updated_at: string;
                        first_response_at: string | null;
                        completed_at: string | null;
                        resolution_hours: number | null;
                        first_response_due_at: string | null;
                        /** @enum {string} */
                        first_response_status: "ok" | "warning" | "breached";
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    workflowUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "updates": {
                 *         "task_status": "COMPLETED"
                 *       },
                 *       "reason": "Shipped on Monday"
                 *     }
                 */
                "application/json": {
                    org_id?: number;
                    updates: {
                        /** @enum {string} */
                        task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        workflow_category?: string;
                        title?: string;
                        description?: string | null;
                        /** @enum {string} */
                        priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner?: string | null;
                        owner_email?: string | null;
                        owner_user_id?: number | null;
                        dollar_value?: number;
                        /** Format: date-time */
                        sla_deadline?: string;
                        entities?: {
                            [key: string]: unknown;
                        };
                        customer_name?: string | null;
                        po_number?: string | null;
                        quote_number?: string | null;
                        category_reason?: string | null;
                        tags?: string[];
                        first_response_at?: string | null;
                    };
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_id: string;
                        org_id: number;
                        workflow_category: string;
                        /** @enum {string} */
                        task_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        priority: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner: string | null;
                        owner_email: string | null;
                        owner_user_id: number | null;
                        owner_name: string | null;
                        dollar_value: number;
                        currency: string;
                        sla_deadline: string | null;
                        /** @enum {string} */
                        sla_status: "ok" | "warning" | "breached";
                        sla_paused_at: string | null;
                        sla_warned_at: string | null;
                        sla_breached_at: string | null;
                        entities: {
                            [key: string]: unknown;
                        };
                        customer_name: string | null;
                        po_number: string | null;
                        quote_number: string | null;
                        /** @enum {string} */
                        source_type: "email" | "manual" | "api";
                        source_message_id: string | null;
                        source_sender: string | null;
                        source_subject: string | null;
                        source_received_at: string | null;
                        signal_id: number | null;
                        pattern_id: number | null;
                        category_reason: string | null;
                        tags: string[];
                        created_by: string | null;
                        created_at: string;
                        updated_at: string;
                        first_response_at: string | null;
                        completed_at: string | null;
                        resolution_hours: number | null;
                        first_response_due_at: string | null;
                        /** @enum {string} */
                        first_response_status: "ok" | "warning" | "breached";
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    workflowDelete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        taskId: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total_tasks: number;
                        red_tasks: number;
                        yellow_tasks: number;
                        green_tasks: number;
                        completed_tasks: number;
                        revenue_at_risk: number;
                        sla_violations: number;
                        tasks_last_24h: number;
                        sla_met_percentage: number;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowAnalytics: {
        parameters: {
            query?: {
                org_id?: string;
                granularity?: "day" | "week" | "month";
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                from?: string;
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                to?: string;
                category?: string;
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        granularity: "day" | "week" | "month";
                        tz: string;
                        from: string;
                        to: string;
                        points: {
                            bucket: string;
                            start: string;
                            end: string;
                            created: number;
                            completed: number;
                            violations: number;
                            dollar_value_created: number;
                            dollar_value_completed: number;
                            avg_resolution_hours: number | null;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflow_category: string;
                        total_tasks: number;
                        open_tasks: number;
                        completed_tasks: number;
                        completion_rate: number;
                        avg_resolution_hrs: number | null;
                        sla_met_percentage: number;
                        efficiency_score: number;
                    }[];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowOwners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        owner_user_id: number | null;
                        current_owner: string | null;
                        open_tasks: number;
                        red_tasks: number;
                        yellow_tasks: number;
                        open_dollar_value: number;
                        pressure_score: number;
                    }[];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowRealtime: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        open_red: number;
                        open_yellow: number;
                        open_green: number;
                        changes_last_hour: number;
                        created_last_24h: number;
                        breaches_open: number;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowPatterns: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                category?: string;
                org_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            pattern_id: number;
                            signature: string;
                            category: string;
                            example_subject: string | null;
                            occurrences: number;
                            first_seen: string;
                            last_seen: string;
                            avg_resolution_hrs: number | null;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOutboxStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pending: number;
                        in_flight: number;
                        failed_waiting: number;
                        dead_lettered: number;
                        oldest_pending_at: string | null;
                        oldest_pending_age_s: number | null;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOutboxDeadLetters: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            work_event_id: number;
                            event_name: string;
                            item_type: string;
                            item_id: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            attempts: number;
                            last_error: string | null;
                            created_at: string;
                            dead_letter_at: string;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOutboxDeadLettersByIdRetry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        work_event_id: number;
                        /** @enum {string} */
                        status: "queued";
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not dead-lettered (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOutboxDeadLettersByIdDiscard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        work_event_id: number;
                        /** @enum {string} */
                        status: "discarded";
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not dead-lettered: pending, delivered or already discarded (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                event_name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            work_event_id: number;
                            org_id: number;
                            event_name: string;
                            item_type: string;
                            item_id: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            actor: string | null;
                            happened_at: string;
                            processed_at: string | null;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            webhook_id: number;
                            org_id: number;
                            url: string;
                            events: string[];
                            is_active: boolean;
                            created_at: string;
                            secret_prefix: string;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.acme.example/flowledger",
                 *       "events": [
                 *         "pursuit.*",
                 *         "task.created"
                 *       ]
                 *     }
                 */
                "application/json": {
                    url: string;
                    secret?: string;
                    /** @default [] */
                    events?: string[];
                    /** @default true */
                    is_active?: boolean;
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_id: number;
                        org_id: number;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        created_at: string;
                        secret_prefix: string;
                        secret: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_id: number;
                        org_id: number;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        created_at: string;
                        secret_prefix: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_id: number;
                        org_id: number;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        created_at: string;
                        secret_prefix: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: string[];
                    is_active?: boolean;
                    /** @enum {boolean} */
                    rotate_secret?: true;
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_id: number;
                        org_id: number;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        created_at: string;
                        secret_prefix: string;
                        secret?: string;
                        previous_secret_expires_at?: string | null;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            delivery_id: number;
                            webhook_id: number;
                            work_event_id: number;
                            attempt: number;
                            status_code: number | null;
                            succeeded: boolean;
                            error: string | null;
                            duration_ms: number | null;
                            created_at: string;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    redriveWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: number;
                        webhook_id: number;
                        work_event_id: number;
                        deliver_event_id: number;
                        /** @enum {string} */
                        status: "queued";
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the event was delivered (a 2xx is never repeated), or the endpoint is paused (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkstreamToday: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        item_type: "candidate" | "pursuit";
                        item_id: number;
                        title: string | null;
                        status: string;
                        updated_at: string;
                        due_date: string | null;
                        sla_metric: string | null;
                        /** @enum {string} */
                        badge: "red" | "amber" | "green";
                    }[];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkstreamStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signals: {
                            total: number;
                            recent: number;
                        };
                        candidates: {
                            total: number;
                            recent: number;
                        };
                        pursuits: {
                            total: number;
                            recent: number;
                        };
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkstreamEvents: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                item_type?: "signal" | "candidate" | "pursuit" | "proposal";
                item_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            work_event_id: number;
                            org_id: number;
                            event_name: string;
                            item_type: string;
                            item_id: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            actor: string | null;
                            happened_at: string;
                            processed_at: string | null;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSignals: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                source_type?: string;
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                since?: string;
                /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                until?: string;
                tz?: string;
                /** @description csv: every matching row as CSV, streamed (paging does not apply); also Accept: text/csv */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            signal_id: number;
                            org_id: number;
                            source_type: string;
                            source_ref: string | null;
                            snippet: string | null;
                            contact_id: string | null;
                            client_id: string | null;
                            ts: string;
                            problem_phrase: string | null;
                            solution_hint: string | null;
                            urgency_score: number | null;
                            dedupe_key: string;
                            cluster_id: string | null;
                            owner_user_id: string | null;
                            created_at: string;
                            updated_at: string;
                            version: number;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSignals: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source_type: string;
                    source_ref?: string | null;
                    snippet?: string | null;
                    contact_id?: string | null;
                    client_id?: string | null;
                    /** Format: date-time */
                    ts?: string;
                    problem_phrase?: string | null;
                    solution_hint?: string | null;
                    urgency_score?: number | null;
                    dedupe_key?: string;
                    cluster_id?: string | null;
                    owner_user_id?: string | null;
                    org_id?: number;
                } | {
                    signals: {
                        source_type: string;
                        source_ref?: string | null;
                        snippet?: string | null;
                        contact_id?: string | null;
                        client_id?: string | null;
                        /** Format: date-time */
                        ts?: string;
                        problem_phrase?: string | null;
                        solution_hint?: string | null;
                        urgency_score?: number | null;
                        dedupe_key?: string;
                        cluster_id?: string | null;
                        owner_user_id?: string | null;
                        org_id?: number;
                    }[];
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description Nothing new: every dedupe_key was known; the existing signal(s) */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signal_id: number;
                        org_id: number;
                        source_type: string;
                        source_ref: string | null;
                        snippet: string | null;
                        contact_id: string | null;
                        client_id: string | null;
                        ts: string;
                        problem_phrase: string | null;
                        solution_hint: string | null;
                        urgency_score: number | null;
                        dedupe_key: string;
                        cluster_id: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    } | {
                        data: {
                            signal_id: number;
                            org_id: number;
                            source_type: string;
                            source_ref: string | null;
                            snippet: string | null;
                            contact_id: string | null;
                            client_id: string | null;
                            ts: string;
                            problem_phrase: string | null;
                            solution_hint: string | null;
                            urgency_score: number | null;
                            dedupe_key: string;
                            cluster_id: string | null;
                            owner_user_id: string | null;
                            created_at: string;
                            updated_at: string;
                            version: number;
                        }[];
                        created: number;
                        existing: number;
                    };
                };
            };
            /** @description Created: the signal, or the batch with how many were new */
            201: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signal_id: number;
                        org_id: number;
                        source_type: string;
                        source_ref: string | null;
                        snippet: string | null;
                        contact_id: string | null;
                        client_id: string | null;
                        ts: string;
                        problem_phrase: string | null;
                        solution_hint: string | null;
                        urgency_score: number | null;
                        dedupe_key: string;
                        cluster_id: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    } | {
                        data: {
                            signal_id: number;
                            org_id: number;
                            source_type: string;
                            source_ref: string | null;
                            snippet: string | null;
                            contact_id: string | null;
                            client_id: string | null;
                            ts: string;
                            problem_phrase: string | null;
                            solution_hint: string | null;
                            urgency_score: number | null;
                            dedupe_key: string;
                            cluster_id: string | null;
                            owner_user_id: string | null;
                            created_at: string;
                            updated_at: string;
                            version: number;
                        }[];
                        created: number;
                        existing: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSignal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signal_id: number;
                        org_id: number;
                        source_type: string;
                        source_ref: string | null;
                        snippet: string | null;
                        contact_id: string | null;
                        client_id: string | null;
                        ts: string;
                        problem_phrase: string | null;
                        solution_hint: string | null;
                        urgency_score: number | null;
                        dedupe_key: string;
                        cluster_id: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSignal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    owner_user_id?: string | null;
                    cluster_id?: string | null;
                    urgency_score?: number | null;
                    problem_phrase?: string | null;
                    solution_hint?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signal_id: number;
                        org_id: number;
                        source_type: string;
                        source_ref: string | null;
                        snippet: string | null;
                        contact_id: string | null;
                        client_id: string | null;
                        ts: string;
                        problem_phrase: string | null;
                        solution_hint: string | null;
                        urgency_score: number | null;
                        dedupe_key: string;
                        cluster_id: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCandidates: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                status?: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                /** @description csv: every matching row as CSV, streamed (paging does not apply); also Accept: text/csv */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            candidate_id: number;
                            org_id: number;
                            title: string;
                            /** @enum {string} */
                            status: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                            owner_user_id: string | null;
                            last_touch_at: string;
                            created_at: string;
                            updated_at: string;
                            version: number;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCandidate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Acme valves retrofit",
                 *       "owner_user_id": "3",
                 *       "signal_ids": [
                 *         12,
                 *         15
                 *       ]
                 *     }
                 */
                "application/json": {
                    title: string;
                    owner_user_id?: string | null;
                    signal_ids?: number[];
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidate_id: number;
                        org_id: number;
                        title: string;
                        /** @enum {string} */
                        status: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                        owner_user_id: string | null;
                        last_touch_at: string;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidate_id: number;
                        org_id: number;
                        title: string;
                        /** @enum {string} */
                        status: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                        owner_user_id: string | null;
                        last_touch_at: string;
                        created_at: string;
                        updated_at: string;
                        version: number;
                        pursuit_id: number | null;
                        signals: {
                            signal_id: number;
                            org_id: number;
                            source_type: string;
                            source_ref: string | null;
                            snippet: string | null;
                            contact_id: string | null;
                            client_id: string | null;
                            ts: string;
                            problem_phrase: string | null;
                            solution_hint: string | null;
                            urgency_score: number | null;
                            dedupe_key: string;
                            cluster_id: string | null;
                            owner_user_id: string | null;
                            created_at: string;
                            updated_at: string;
                            version: number;
                        }[];
                        events: {
                            work_event_id: number;
                            org_id: number;
                            event_name: string;
                            item_type: string;
                            item_id: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            actor: string | null;
                            happened_at: string;
                            processed_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateCandidate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    owner_user_id?: string | null;
                    signal_ids?: number[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidate_id: number;
                        org_id: number;
                        title: string;
                        /** @enum {string} */
                        status: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                        owner_user_id: string | null;
                        last_touch_at: string;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    transitionCandidate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidate_id: number;
                        org_id: number;
                        title: string;
                        /** @enum {string} */
                        status: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                        owner_user_id: string | null;
                        last_touch_at: string;
                        created_at: string;
                        updated_at: string;
                        version: number;
                        pursuit_id: number | null;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the candidate changed meanwhile (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a move its status does not allow (`invalid_transition`); or: The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPursuits: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                stage?: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                owner_user_id?: "me" | string;
                /** @description csv: every matching row as CSV, streamed (paging does not apply); also Accept: text/csv */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            pursuit_id: number;
                            org_id: number;
                            candidate_id: number;
                            title: string | null;
                            /** @enum {string} */
                            pursuit_stage: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                            due_date: string | null;
                            value: number | null;
                            lost_reason: string | null;
                            owner_user_id: string | null;
                            created_at: string;
                            updated_at: string;
                            version: number;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPursuit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pursuit_id: number;
                        org_id: number;
                        candidate_id: number;
                        title: string | null;
                        /** @enum {string} */
                        pursuit_stage: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                        due_date: string | null;
                        value: number | null;
                        lost_reason: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                        checklist: {
                            item_id: number;
                            pursuit_id: number;
                            name: string;
                            is_required: boolean;
                            is_done: boolean;
                            done_at: string | null;
                            done_by: string | null;
                            created_at: string;
                        }[];
                        readiness: {
                            items_total: number;
                            required_total: number;
                            required_done: number;
                            missing_required: number;
                            is_ready: boolean;
                        };
                        proposals: {
                            proposal_id: number;
                            org_id: number;
                            pursuit_id: number;
                            version: number;
                            /** @enum {string} */
                            status: "draft" | "sent" | "accepted" | "rejected";
                            recipient_email: string | null;
                            subject: string | null;
                            doc_url: string | null;
                            body: string | null;
                            message_id: string | null;
                            sent_at: string | null;
                            created_at: string;
                            updated_at: string;
                            row_version: number;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePursuit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string | null;
                    due_date?: string | null;
                    tz?: string;
                    value?: number | null;
                    owner_user_id?: (number | string) | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pursuit_id: number;
                        org_id: number;
                        candidate_id: number;
                        title: string | null;
                        /** @enum {string} */
                        pursuit_stage: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                        due_date: string | null;
                        value: number | null;
                        lost_reason: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    transitionPursuit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pursuit_id: number;
                        org_id: number;
                        candidate_id: number;
                        title: string | null;
                        /** @enum {string} */
                        pursuit_stage: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                        due_date: string | null;
                        value: number | null;
                        lost_reason: string | null;
                        owner_user_id: string | null;
                        created_at: string;
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description submit while required checklist items are open (`checklist_incomplete`), or the pursuit changed meanwhile (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a move its stage does not allow, or lost without a reason (`invalid_transition`); or: The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkstreamPursuitsByIdChecklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            item_id: number;
                            pursuit_id: number;
                            name: string;
                            is_required: boolean;
                            is_done: boolean;
                            done_at: string | null;
                            done_by: string | null;
                            created_at: string;
                        }[];
                        readiness: {
                            items_total: number;
                            required_total: number;
                            required_done: number;
                            missing_required: number;
                            is_ready: boolean;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkstreamPursuitsByIdChecklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    is_required?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item_id: number;
                        pursuit_id: number;
                        name: string;
                        is_required: boolean;
                        is_done: boolean;
                        done_at: string | null;
                        done_by: string | null;
                        created_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an item with this name exists (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWorkstreamPursuitsByIdChecklistByItemId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item_id: number;
                        pursuit_id: number;
                        name: string;
                        is_required: boolean;
                        is_done: boolean;
                        done_at: string | null;
                        done_by: string | null;
                        created_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchWorkstreamPursuitsByIdChecklistByItemId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    is_done?: boolean;
                    name?: string;
                    is_required?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item_id: number;
                        pursuit_id: number;
                        name: string;
                        is_required: boolean;
                        is_done: boolean;
                        done_at: string | null;
                        done_by: string | null;
                        created_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an item with the new name exists (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProposals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            proposal_id: number;
                            org_id: number;
                            pursuit_id: number;
                            version: number;
                            /** @enum {string} */
                            status: "draft" | "sent" | "accepted" | "rejected";
                            recipient_email: string | null;
                            subject: string | null;
                            doc_url: string | null;
                            body: string | null;
                            message_id: string | null;
                            sent_at: string | null;
                            created_at: string;
                            updated_at: string;
                            row_version: number;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recipient_email?: string | null;
                    subject?: string | null;
                    doc_url?: string | null;
                    body?: string | null;
                } | null;
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<row_version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposal_id: number;
                        org_id: number;
                        pursuit_id: number;
                        version: number;
                        /** @enum {string} */
                        status: "draft" | "sent" | "accepted" | "rejected";
                        recipient_email: string | null;
                        subject: string | null;
                        doc_url: string | null;
                        body: string | null;
                        message_id: string | null;
                        sent_at: string | null;
                        created_at: string;
                        updated_at: string;
                        row_version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<row_version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposal_id: number;
                        org_id: number;
                        pursuit_id: number;
                        version: number;
                        /** @enum {string} */
                        status: "draft" | "sent" | "accepted" | "rejected";
                        recipient_email: string | null;
                        subject: string | null;
                        doc_url: string | null;
                        body: string | null;
                        message_id: string | null;
                        sent_at: string | null;
                        created_at: string;
                        updated_at: string;
                        row_version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipient_email": "ana@acme.example",
                 *       "subject": "Proposal: 40 valves",
                 *       "doc_url": "https://docs.acme.example/p/881"
                 *     }
                 */
                "application/json": {
                    recipient_email?: string | null;
                    subject?: string | null;
                    doc_url?: string | null;
                    body?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The item's version as a strong entity tag ("<row_version>"); send it back in If-Match to write only over what you read */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposal_id: number;
                        org_id: number;
                        pursuit_id: number;
                        version: number;
                        /** @enum {string} */
                        status: "draft" | "sent" | "accepted" | "rejected";
                        recipient_email: string | null;
                        subject: string | null;
                        doc_url: string | null;
                        body: string | null;
                        message_id: string | null;
                        sent_at: string | null;
                        created_at: string;
                        updated_at: string;
                        row_version: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no longer a draft (`conflict`, `details: {status, pursuit_id}`): create a new version instead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The item changed since the `If-Match` version was read (`precondition_failed`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommentsByItemTypeByItemId: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                org_id?: string;
            };
            header?: never;
            path: {
                item_type: "task" | "pursuit";
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            comment_id: number;
                            org_id: number;
                            /** @enum {string} */
                            item_type: "task" | "pursuit";
                            item_id: string;
                            author_actor: string;
                            author_user_id: number | null;
                            author_key_id: number | null;
                            author_name: string;
                            body: string;
                            mentions: {
                                user_id: number;
                                name: string;
                                email: string;
                            }[];
                            created_at: string;
                            updated_at: string;
                            edited: boolean;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCommentsByItemTypeByItemId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                item_type: "task" | "pursuit";
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    org_id?: number;
                    body: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        comment_id: number;
                        org_id: number;
                        /** @enum {string} */
                        item_type: "task" | "pursuit";
                        item_id: string;
                        author_actor: string;
                        author_user_id: number | null;
                        author_key_id: number | null;
                        author_name: string;
                        body: string;
                        mentions: {
                            user_id: number;
                            name: string;
                            email: string;
                        }[];
                        created_at: string;
                        updated_at: string;
                        edited: boolean;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCommentsByCommentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        comment_id: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCommentsByCommentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    org_id?: number;
                    body: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        comment_id: number;
                        org_id: number;
                        /** @enum {string} */
                        item_type: "task" | "pursuit";
                        item_id: string;
                        author_actor: string;
                        author_user_id: number | null;
                        author_key_id: number | null;
                        author_name: string;
                        body: string;
                        mentions: {
                            user_id: number;
                            name: string;
                            email: string;
                        }[];
                        created_at: string;
                        updated_at: string;
                        edited: boolean;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIngestBatches: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            batch_id: number;
                            org_id: number;
                            source: string;
                            source_name: string | null;
                            actor: string;
                            status: string;
                            read: number;
                            new_signals: number;
                            new_tasks: number;
                            duplicates: number;
                            failed: number;
                            not_actionable: number;
                            error: string | null;
                            started_at: string;
                            completed_at: string | null;
                            duration_ms: number | null;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIngestBatchesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_id: number;
                        org_id: number;
                        source: string;
                        source_name: string | null;
                        actor: string;
                        status: string;
                        read: number;
                        new_signals: number;
                        new_tasks: number;
                        duplicates: number;
                        failed: number;
                        not_actionable: number;
                        error: string | null;
                        started_at: string;
                        completed_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIngestBatchesByIdItems: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                outcome?: "created" | "signal_only" | "duplicate" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            seq: number;
                            /** @enum {string} */
                            outcome: "created" | "signal_only" | "duplicate" | "failed";
                            message_id: string | null;
                            signal_id: number | null;
                            task_id: string | null;
                            reason: string | null;
                            item_id: number;
                            batch_id: number;
                            dedupe_key: string | null;
                            subject: string | null;
                            sender: string | null;
                            created_at: string;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIngestRoutingRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            category: string;
                            owner: string;
                            owner_email: string | null;
                            assign_user_id: number | null;
                            assign_team_id: number | null;
                            created_at: string;
                            updated_at: string;
                        }[];
                        categories: string[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putIngestRoutingRulesByCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                category: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    owner?: string;
                    /** @default null */
                    owner_email?: string | null;
                    assign_user_id?: number | null;
                    assign_team_id?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string;
                        owner: string;
                        owner_email: string | null;
                        assign_user_id: number | null;
                        assign_team_id: number | null;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteIngestRoutingRulesByCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                category: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIngestConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            /** @default [] */
                            rules: {
                                category: string;
                                /**
                                 * @default any
                                 * @enum {string}
                                 */
                                field: "subject" | "body" | "any";
                                terms: string[];
                                weight: number;
                            }[];
                            /** @default 3 */
                            min_score: number;
                            /** @default [] */
                            self_names: string[];
                            /** @default [] */
                            ignore_domains: string[];
                            /** @default [] */
                            own_domains: string[];
                            /** @default 14 */
                            thread_window_days: number;
                            /** @default true */
                            reopen_on_reply: boolean;
                        };
                        updated_at: string | null;
                        updated_by: string | null;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putIngestConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    rules?: {
                        category: string;
                        /**
                         * @default any
                         * @enum {string}
                         */
                        field?: "subject" | "body" | "any";
                        terms: string[];
                        weight: number;
                    }[];
                    /** @default 3 */
                    min_score?: number;
                    /** @default [] */
                    self_names?: string[];
                    /** @default [] */
                    ignore_domains?: string[];
                    /** @default [] */
                    own_domains?: string[];
                    /** @default 14 */
                    thread_window_days?: number;
                    /** @default true */
                    reopen_on_reply?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            /** @default [] */
                            rules: {
                                category: string;
                                /**
                                 * @default any
                                 * @enum {string}
                                 */
                                field: "subject" | "body" | "any";
                                terms: string[];
                                weight: number;
                            }[];
                            /** @default 3 */
                            min_score: number;
                            /** @default [] */
                            self_names: string[];
                            /** @default [] */
                            ignore_domains: string[];
                            /** @default [] */
                            own_domains: string[];
                            /** @default 14 */
                            thread_window_days: number;
                            /** @default true */
                            reopen_on_reply: boolean;
                        };
                        updated_at: string | null;
                        updated_by: string | null;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestEmails: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch: {
                            batch_id: number;
                            org_id: number;
                            source: string;
                            source_name: string | null;
                            actor: string;
                            status: string;
                            read: number;
                            new_signals: number;
                            new_tasks: number;
                            duplicates: number;
                            failed: number;
                            not_actionable: number;
                            error: string | null;
                            started_at: string;
                            completed_at: string | null;
                            duration_ms: number | null;
                        };
                        items: {
                            seq: number;
                            /** @enum {string} */
                            outcome: "created" | "signal_only" | "duplicate" | "failed";
                            message_id: string | null;
                            signal_id: number | null;
                            task_id: string | null;
                            reason: string | null;
                        }[];
                        items_truncated: boolean;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMailboxes: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            mailbox_id: number;
                            org_id: number;
                            name: string;
                            host: string;
                            port: number;
                            /** @enum {string} */
                            tls_mode: "tls" | "starttls" | "none";
                            username: string;
                            /** @enum {string} */
                            auth_kind: "password" | "xoauth2";
                            oauth_token_url: string | null;
                            oauth_client_id: string | null;
                            folders: string[];
                            own_domains: string[];
                            after_processing: string;
                            enabled: boolean;
                            /** @enum {string} */
                            state: "idle" | "connecting" | "syncing" | "watching" | "error" | "disabled";
                            connected: boolean;
                            last_sync_at: string | null;
                            last_error: string | null;
                            messages_ingested: number;
                            /** @description Sync progress per watched folder synced at least once */
                            folder_status: {
                                folder: string;
                                uidvalidity: number;
                                /** @description The last UID ingested */
                                last_uid: number;
                                /** @description Messages taken from the folder under its current UIDVALIDITY */
                                synced: number;
                                /** @description Messages still to be taken, from the last listing (0: up to date) */
                                pending: number;
                                updated_at: string;
                            }[];
                            created_at: string;
                            updated_at: string;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMailboxes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    host: string;
                    port?: number;
                    /**
                     * @default tls
                     * @enum {string}
                     */
                    tls_mode?: "tls" | "starttls" | "none";
                    username: string;
                    /**
                     * @default password
                     * @enum {string}
                     */
                    auth_kind?: "password" | "xoauth2";
                    secret: string;
                    oauth_token_url?: string | null;
                    oauth_client_id?: string | null;
                    oauth_client_secret?: string | null;
                    /**
                     * @default [
                     *       "INBOX"
                     *     ]
                     */
                    folders?: string[];
                    /** @default [] */
                    own_domains?: string[];
                    /** @default none */
                    after_processing?: ("none" | "seen") | string;
                    /** @default true */
                    enabled?: boolean;
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailbox_id: number;
                        org_id: number;
                        name: string;
                        host: string;
                        port: number;
                        /** @enum {string} */
                        tls_mode: "tls" | "starttls" | "none";
                        username: string;
                        /** @enum {string} */
                        auth_kind: "password" | "xoauth2";
                        oauth_token_url: string | null;
                        oauth_client_id: string | null;
                        folders: string[];
                        own_domains: string[];
                        after_processing: string;
                        enabled: boolean;
                        /** @enum {string} */
                        state: "idle" | "connecting" | "syncing" | "watching" | "error" | "disabled";
                        connected: boolean;
                        last_sync_at: string | null;
                        last_error: string | null;
                        messages_ingested: number;
                        /** @description Sync progress per watched folder synced at least once */
                        folder_status: {
                            folder: string;
                            uidvalidity: number;
                            /** @description The last UID ingested */
                            last_uid: number;
                            /** @description Messages taken from the folder under its current UIDVALIDITY */
                            synced: number;
                            /** @description Messages still to be taken, from the last listing (0: up to date) */
                            pending: number;
                            updated_at: string;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken in this org (`conflict`); or: A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMailboxesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailbox_id: number;
                        org_id: number;
                        name: string;
                        host: string;
                        port: number;
                        /** @enum {string} */
                        tls_mode: "tls" | "starttls" | "none";
                        username: string;
                        /** @enum {string} */
                        auth_kind: "password" | "xoauth2";
                        oauth_token_url: string | null;
                        oauth_client_id: string | null;
                        folders: string[];
                        own_domains: string[];
                        after_processing: string;
                        enabled: boolean;
                        /** @enum {string} */
                        state: "idle" | "connecting" | "syncing" | "watching" | "error" | "disabled";
                        connected: boolean;
                        last_sync_at: string | null;
                        last_error: string | null;
                        messages_ingested: number;
                        /** @description Sync progress per watched folder synced at least once */
                        folder_status: {
                            folder: string;
                            uidvalidity: number;
                            /** @description The last UID ingested */
                            last_uid: number;
                            /** @description Messages taken from the folder under its current UIDVALIDITY */
                            synced: number;
                            /** @description Messages still to be taken, from the last listing (0: up to date) */
                            pending: number;
                            updated_at: string;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMailboxesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailbox_id: number;
                        org_id: number;
                        name: string;
                        host: string;
                        port: number;
                        /** @enum {string} */
                        tls_mode: "tls" | "starttls" | "none";
                        username: string;
                        /** @enum {string} */
                        auth_kind: "password" | "xoauth2";
                        oauth_token_url: string | null;
                        oauth_client_id: string | null;
                        folders: string[];
                        own_domains: string[];
                        after_processing: string;
                        enabled: boolean;
                        /** @enum {string} */
                        state: "idle" | "connecting" | "syncing" | "watching" | "error" | "disabled";
                        connected: boolean;
                        last_sync_at: string | null;
                        last_error: string | null;
                        messages_ingested: number;
                        /** @description Sync progress per watched folder synced at least once */
                        folder_status: {
                            folder: string;
                            uidvalidity: number;
                            /** @description The last UID ingested */
                            last_uid: number;
                            /** @description Messages taken from the folder under its current UIDVALIDITY */
                            synced: number;
                            /** @description Messages still to be taken, from the last listing (0: up to date) */
                            pending: number;
                            updated_at: string;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchMailboxesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    host?: string;
                    port?: number;
                    /** @enum {string} */
                    tls_mode?: "tls" | "starttls" | "none";
                    username?: string;
                    /** @enum {string} */
                    auth_kind?: "password" | "xoauth2";
                    secret?: string;
                    oauth_token_url?: string | null;
                    oauth_client_id?: string | null;
                    oauth_client_secret?: string | null;
                    folders?: string[];
                    own_domains?: string[];
                    after_processing?: ("none" | "seen") | string;
                    enabled?: boolean;
                    org_id?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailbox_id: number;
                        org_id: number;
                        name: string;
                        host: string;
                        port: number;
                        /** @enum {string} */
                        tls_mode: "tls" | "starttls" | "none";
                        username: string;
                        /** @enum {string} */
                        auth_kind: "password" | "xoauth2";
                        oauth_token_url: string | null;
                        oauth_client_id: string | null;
                        folders: string[];
                        own_domains: string[];
                        after_processing: string;
                        enabled: boolean;
                        /** @enum {string} */
                        state: "idle" | "connecting" | "syncing" | "watching" | "error" | "disabled";
                        connected: boolean;
                        last_sync_at: string | null;
                        last_error: string | null;
                        messages_ingested: number;
                        /** @description Sync progress per watched folder synced at least once */
                        folder_status: {
                            folder: string;
                            uidvalidity: number;
                            /** @description The last UID ingested */
                            last_uid: number;
                            /** @description Messages taken from the folder under its current UIDVALIDITY */
                            synced: number;
                            /** @description Messages still to be taken, from the last listing (0: up to date) */
                            pending: number;
                            updated_at: string;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken in this org (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMailboxesByIdTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        error: string | null;
                        error_kind: string | null;
                        folders: {
                            path: string;
                            messages: number | null;
                            unseen: number | null;
                            watched: boolean;
                        }[];
                        missing_folders: string[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such item in this org (`not_found`); another org's items are not found either. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                page?: string;
                limit?: string;
                /** @description Continue after the last row of a page: its `pagination.next_cursor`, unchanged */
                cursor?: string;
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            notification_id: number;
                            /** @enum {string} */
                            kind: "assigned" | "sla_warning" | "sla_violated" | "critical_alert" | "customer_reply" | "mention";
                            item_type: string;
                            item_id: string;
                            title: string;
                            detail: string | null;
                            actor: string | null;
                            work_event_id: number;
                            created_at: string;
                            read_at: string | null;
                            /** @enum {string} */
                            email_state: "off" | "pending" | "sent";
                            emailed_at: string | null;
                        }[];
                        pagination: {
                            page: number;
                            limit: number;
                            total: number;
                            next_cursor: string | null;
                        };
                        unread_count: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotificationsUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unread_count: number;
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postNotificationsRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: number[];
                } | {
                    /** @enum {boolean} */
                    all: true;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        updated: number;
                        unread_count: number;
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotificationsPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @enum {string} */
                            kind: "assigned" | "sla_warning" | "sla_violated" | "critical_alert" | "customer_reply" | "mention";
                            in_app: boolean;
                            email: boolean;
                        }[];
                    };
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putNotificationsPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @enum {string} */
                        kind: "assigned" | "sla_warning" | "sla_violated" | "critical_alert" | "customer_reply" | "mention";
                        in_app: boolean;
                        email: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @enum {string} */
                            kind: "assigned" | "sla_warning" | "sla_violated" | "critical_alert" | "customer_reply" | "mention";
                            in_app: boolean;
                            email: boolean;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No key or session, or one that is unknown, revoked or expired (`unauthorized`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as JSON (`Content-Type`) (`bad_request`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database cannot answer now (`unavailable`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unexpected error (500 `internal`); the answer holds no detail of it, the server log does. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
