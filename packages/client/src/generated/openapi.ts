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
        /** Liveness: the process answers (no database access) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Database connectivity (kept for compatibility; prefer /live and /ready) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Ready to serve: not shutting down, database reachable and fully migrated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Prometheus metrics (process-wide) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Who this API key (or signed-in person) is */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** List this org's API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Create an API key (the key is returned once) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Revoke an API key */
        delete: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Sign in with email and password: sets the session cookie, answers the session and its CSRF token */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** End this session and clear its cookie */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** End every session of the signed-in person (this one too) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** The signed-in person, the org the session acts in, their orgs and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Switch the org this session acts in (403 when not a member) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** This org's active members (name order): owner pickers and @mention suggestions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** How many open tasks (not COMPLETED) and open pursuits (not won/lost) the member owns here */
        get: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Move all of a member's open tasks and pursuits to another active member (to_user_id), or unassign them (null), in one transaction */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** This org's members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Change a member's role or (de)activate them (409 for the last active admin); a deactivation answers the open work they still own (open_work) */
        patch: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Remove a member from this org: their sessions in it end at once */
        delete: {
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
                /** @description Default Response */
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
            };
        };
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
        /** This org's teams with their members (name order) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Create a team (409 when the name is taken in this org) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** One team with its members */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        /** Delete a team (409 while an assignment rule names it) */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a team */
        patch: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Add a member (an active member of the org, else 400 not_a_member); a repeat is a no-op */
        put: {
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
                /** @description Default Response */
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
            };
        };
        post?: never;
        /** Remove a member from a team */
        delete: {
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
                /** @description Default Response */
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This org's pending invitations (not used, not expired) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Invite a person by email to this org with a role: a one-time link is mailed (409 when already a member, or without PUBLIC_URL) */
        post: {
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
                /** @description Default Response */
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation: its link stops working */
        delete: {
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
                /** @description Default Response */
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
            };
        };
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
        /** What an invitation link offers (404, the same, for an unknown, used, revoked or expired link) */
        get: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Accept an invitation: join the org (a new account, or the existing one with its password) and sign in */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Ask for a password reset link: always 202; mailed only when an active account has this email */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Set a new password with a reset link's token: every other session ends, this request signs in */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** The sign-in methods of this install, for the sign-in screen: password always, single sign-on when configured */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
         */
        get: {
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
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
         */
        get: {
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
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
        /** SLA rules of this org (workstream metrics and task windows by priority/category) */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Create an SLA rule */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Delete an SLA rule (its open breaches resolve on the next pass) */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an SLA rule */
        patch: {
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
                /** @description Default Response */
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
            };
        };
        trace?: never;
    };
    "/api/workstream/sla-breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA breaches, newest first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
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
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** Pause a task's SLA clock (idempotent) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Resume a task's SLA clock; the deadline moves by the paused time */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Org SLA settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the high-value alert threshold */
        patch: {
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
                /** @description Default Response */
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
            };
        };
        trace?: never;
    };
    "/api/workflow/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks (filters, sort, paging) */
        get: {
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
                    sort?: "sla_deadline" | "created_at" | "updated_at" | "dollar_value" | "priority" | "status";
                    direction?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            }[];
                            pagination: {
                                page: number;
                                limit: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a task */
        post: {
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
                        org_id?: number;
                        workflow_category: string;
                        title: string;
                        description?: string | null;
                        /** @enum {string} */
                        task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        /** @enum {string} */
                        priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner?: string | null;
                        /** Format: email */
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
                        /** Format: date-time */
                        source_received_at?: string | null;
                        signal_id?: number | null;
                        pattern_id?: number | null;
                        category_reason?: string | null;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** A task with its status history (oldest first) and thread */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
                            history: {
                                history_id: number;
                                /** @enum {string|null} */
                                from_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED" | null;
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
            };
        };
        put?: never;
        post?: never;
        /** Delete a task (member or admin) */
        delete: {
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
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a task: the fields to change, and optionally `reason` (recorded with a status change) */
        patch: {
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
                        task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        workflow_category?: string;
                        title?: string;
                        description?: string | null;
                        /** @enum {string} */
                        priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner?: string | null;
                        /** Format: email */
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
                        /** Format: date-time */
                        first_response_at?: string | null;
                        org_id?: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workflow/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks (filters, sort, paging) */
        get: {
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
                    sort?: "sla_deadline" | "created_at" | "updated_at" | "dollar_value" | "priority" | "status";
                    direction?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            }[];
                            pagination: {
                                page: number;
                                limit: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
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
        /** A task with its status history, oldest first */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
                            history: {
                                history_id: number;
                                /** @enum {string|null} */
                                from_status: "RED" | "YELLOW" | "GREEN" | "COMPLETED" | null;
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
            };
        };
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
        /** Create a task */
        post: {
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
                        org_id?: number;
                        workflow_category: string;
                        title: string;
                        description?: string | null;
                        /** @enum {string} */
                        task_status?: "RED" | "YELLOW" | "GREEN" | "COMPLETED";
                        /** @enum {string} */
                        priority?: "CRITICAL" | "HIGH" | "MEDIUM" | "NORMAL";
                        current_owner?: string | null;
                        /** Format: email */
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
                        /** Format: date-time */
                        source_received_at?: string | null;
                        signal_id?: number | null;
                        pattern_id?: number | null;
                        category_reason?: string | null;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** Update a task (status changes are recorded in its history) */
        put: {
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
                            /** Format: email */
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
                            /** Format: date-time */
                            first_response_at?: string | null;
                        };
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** Delete a task (member or admin) */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
            };
        };
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
        /** Executive metrics (executive_metrics_v2) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Per-bucket analytics (day, week, month), empty buckets included */
        get: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Category performance (category_performance_v2) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Owner workload (owner_workload_v2) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Real-time figures (real_time_metrics) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Detected patterns, most frequent first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    category?: string;
                    org_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** This org's outbox queue by state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Dead-lettered work events, newest first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** Redrive a dead letter: due now, with a fresh attempt budget */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Discard a dead letter: it leaves the list and is never retried (its handlers never run) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** This org's audit events, newest first; event_name keeps those whose name starts with it (audit.user. for one kind) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    event_name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** This org's webhook endpoints */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook endpoint (the signing secret is returned once) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** One webhook endpoint */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: {
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
                /** @description Default Response */
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
            };
        };
        options?: never;
        head?: never;
        /** Change an endpoint: url, event filter, pause/resume (is_active), or rotate its secret */
        patch: {
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
                /** @description Default Response */
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
            };
        };
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery attempts, newest first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** Send a failed or dead-lettered delivery again: due now, with a fresh attempt budget (idempotent) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Today panel: open candidates and pursuits, red/amber/green, at most 200 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Totals and created in the last 7 days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Activity log of one item (item_type + item_id) or of the org, newest first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    item_type?: "signal" | "candidate" | "pursuit" | "proposal";
                    item_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** Signals, newest ts first (filters: source_type, since, until on ts; dates are whole days in tz) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_type?: string;
                    /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                    since?: string;
                    /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                    until?: string;
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            }[];
                            pagination: {
                                page: number;
                                limit: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a signal, or {"signals": [...]} up to 1000 in one transaction; a known dedupe_key returns the existing signal (200) */
        post: {
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
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** One signal */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change owner, cluster, urgency, problem/solution fields */
        patch: {
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
                        owner_user_id?: string | null;
                        cluster_id?: string | null;
                        urgency_score?: number | null;
                        problem_phrase?: string | null;
                        solution_hint?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workstream/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Candidates, last touched first (filter: status) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    status?: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            }[];
                            pagination: {
                                page: number;
                                limit: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a candidate (status new), optionally linked to signals */
        post: {
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
                        title: string;
                        owner_user_id?: string | null;
                        signal_ids?: number[];
                        org_id?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** One candidate with its linked signals, its pursuit id and recent events */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change title or owner, or link more signals (status moves go through /transition) */
        patch: {
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
                        title?: string;
                        owner_user_id?: string | null;
                        signal_ids?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** Move a candidate (new→triaged→nurture|on_hold|promoted|archived…); promoted creates the pursuit */
        post: {
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
                        /** @enum {string} */
                        to: "new" | "triaged" | "nurture" | "on_hold" | "promoted" | "archived";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                            pursuit_id: number | null;
                        };
                    };
                };
            };
        };
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
        /** Pursuits, newest first (filters: stage; owner_user_id = a user id, or me for the signed-in person) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    stage?: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                    owner_user_id?: "me" | string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            }[];
                            pagination: {
                                page: number;
                                limit: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
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
        /** One pursuit with its checklist, readiness to submit and proposals */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change due_date, value, owner or title (owner_user_id: an active member of the org, else 400 not_a_member; a new owner appends pursuit.assigned) */
        patch: {
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
                        title?: string | null;
                        /** @description A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant */
                        due_date?: string | null;
                        tz?: string;
                        value?: number | null;
                        owner_user_id?: (number | string) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** Move a pursuit (qual→pink→red→submit→won|lost); submit needs the required checklist done, lost a reason */
        post: {
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
                        /** @enum {string} */
                        to: "qual" | "pink" | "red" | "submit" | "won" | "lost";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** A pursuit's checklist and readiness */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Add a checklist item (required by default) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Remove a checklist item */
        delete: {
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
                /** @description Default Response */
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
            };
        };
        options?: never;
        head?: never;
        /** Mark an item done/undone (records who and when), rename it or change is_required */
        patch: {
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
                /** @description Default Response */
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
            };
        };
        trace?: never;
    };
    "/api/workstream/pursuits/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pursuit's proposals, newest version first */
        get: {
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
                /** @description Default Response */
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
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create the next proposal version (draft) */
        post: {
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
                        /** Format: email */
                        recipient_email?: string | null;
                        subject?: string | null;
                        /** Format: uri */
                        doc_url?: string | null;
                        body?: string | null;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
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
                        };
                    };
                };
            };
        };
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
        /** One proposal version */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft's recipient_email, subject, doc_url or body (409 once sent) */
        patch: {
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
                        /** Format: email */
                        recipient_email?: string | null;
                        subject?: string | null;
                        /** Format: uri */
                        doc_url?: string | null;
                        body?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
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
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/comments/{item_type}/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's comments (item_type task or pursuit), oldest first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
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
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Comment on a task or a pursuit (Markdown; @email mentions of members resolved) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Delete a comment (its author, or an admin) */
        delete: {
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
                /** @description Default Response */
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
            };
        };
        options?: never;
        head?: never;
        /** Edit a comment (its author only) */
        patch: {
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
                /** @description Default Response */
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
            };
        };
        trace?: never;
    };
    "/api/ingest/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ingest batches, newest first */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** One ingest batch with its counts */
        get: {
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
                /** @description Default Response */
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
            };
        };
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
        /** A batch's messages and what each became (filter outcome=failed for the reasons) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
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
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
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
        /** Routing rules: new tasks of a category go to its owner ("*" = every other category) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Route a category to an owner (creates or replaces); assign_user_id or assign_team_id (round-robin) also assigns its new tasks (owner defaults to their name) */
        put: {
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
                        /**
                         * Format: email
                         * @default null
                         */
                        owner_email?: string | null;
                        assign_user_id?: number | null;
                        assign_team_id?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
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
            };
        };
        post?: never;
        /** Remove a routing rule */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Extraction settings: extra category rules, minimum score, own names, ignored domains */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        /** Replace the extraction settings */
        put: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Ingest raw RFC 822 messages (JSON array of strings, {"messages": [...]}, one JSON string, a message/rfc822 body, or an application/mbox body) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** This org's mailboxes with their state */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a mailbox to watch over IMAP (the credential is write-only) */
        post: {
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
                        /** Format: uri */
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
                /** @description Default Response */
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
            };
        };
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
        /** One mailbox with its state */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        /** Remove a mailbox (mail already ingested stays) */
        delete: {
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
                /** @description Default Response */
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
            };
        };
        options?: never;
        head?: never;
        /** Change a mailbox (the worker holding it reconnects with the new settings) */
        patch: {
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
                        /** Format: uri */
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
                /** @description Default Response */
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
            };
        };
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
        /** Connect with the stored settings and report the folders and message counts found, or why it failed */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** The signed-in person's notifications in this org, newest first (unread=true: unread only) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                            };
                            unread_count: number;
                        };
                    };
                };
            };
        };
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
        /** How many of the signed-in person's notifications in this org are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Mark notifications read: {ids} (others’ ids are ignored) or {all: true} */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Per kind: shown in the app, sent by email (both on unless switched off) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        /** Set switches per kind (kinds not listed keep theirs); answers every kind */
        put: {
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
                /** @description Default Response */
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
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
