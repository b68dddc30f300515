// Generated from /rest/openapi.json by `npm run api-types` (scripts/api-types.ts). Do not edit.

export interface paths {
    "/rest/v1/access-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Remote-access lists (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by name, address, created_at, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "name" | "-name" | "address" | "-address" | "created_at" | "-created_at" | "id" | "-id";
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
                            count: number;
                            results: components["schemas"]["AccessList"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a remote-access list (staff) */
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
                        active?: boolean;
                        /** @description An IPv4 or IPv6 address. */
                        address: string;
                        /** @description Replaces the beamlines the server serves. */
                        beamline_ids?: number[];
                        description?: string;
                        name: string;
                        /** @description Replaces the projects allowed on the server. */
                        project_ids?: number[];
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
                            active: boolean;
                            /** @description The server's IP address; the server reads its list from /api/v2/accesslist/. */
                            address: string;
                            beamline_ids: number[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: number;
                            name: string;
                            project_ids: number[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/access-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One remote-access list (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            active: boolean;
                            /** @description The server's IP address; the server reads its list from /api/v2/accesslist/. */
                            address: string;
                            beamline_ids: number[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: number;
                            name: string;
                            project_ids: number[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a remote-access list and its connection history (staff) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a remote-access list; project_ids and beamline_ids replace the old members (staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** @description An IPv4 or IPv6 address. */
                        address?: string;
                        /** @description Replaces the beamlines the server serves. */
                        beamline_ids?: number[];
                        description?: string;
                        name?: string;
                        /** @description Replaces the projects allowed on the server. */
                        project_ids?: number[];
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
                            active: boolean;
                            /** @description The server's IP address; the server reads its list from /api/v2/accesslist/. */
                            address: string;
                            beamline_ids: number[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: number;
                            name: string;
                            project_ids: number[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/access-lists/{id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connections the server reported, newest first (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, username, status; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "username" | "-username" | "status" | "-status";
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["RemoteConnection"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The activity log, newest first: your project's, or everything for staff */
        get: {
            parameters: {
                query?: {
                    /** @description What was done: create, modify, delete, archive or task. */
                    action?: "create" | "modify" | "delete" | "archive" | "task";
                    /** @description Entries at or after this ISO date or date-time (UTC). */
                    from?: string;
                    limit?: number;
                    /** @description The kind of record, e.g. shipment, container, project, session. */
                    object_type?: string;
                    offset?: number;
                    /** @description Sort by created_at, action, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "action" | "-action" | "id" | "-id";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Entries before this ISO date or date-time (UTC). */
                    to?: string;
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
                            count: number;
                            results: components["schemas"]["LimsActivity"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with a username and password (a local account, else the LDAP directory when set up); sets the session cookie */
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
                        password: string;
                        username: string;
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
                            csrf_token: string;
                            expires_at: string;
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
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
                            detail: string;
                            /** @description When the session came from the identity provider: open this next to sign out there too */
                            sign_out_url: string | null;
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
    "/rest/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the request is authenticated as */
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
                            csrf_token: string | null;
                            /** @description The beamline projects this account owns; empty for an account without one (e.g. most staff). */
                            projects: components["schemas"]["OwnProject"][];
                            scope: string | null;
                            user: components["schemas"]["User"];
                            via: string;
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
    "/rest/v1/auth/oidc/no-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this browser signed in as at the identity provider, when that account has no access here yet */
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
                            /** @description Who to ask for access (LIGHTPATH_OIDC_ACCESS_CONTACT) */
                            contact: string | null;
                            /** @description Why there is no access yet */
                            detail: string;
                            /** @description Signs out at the identity provider too */
                            sign_out_url: string;
                            /** @description Who the identity provider said signed in */
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password: ends your other sessions, keeps this one; revokes your API tokens on request */
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
                        current_password: string;
                        new_password: string;
                        /**
                         * @description Also revoke every API token of yours (as after a leak). Tokens otherwise keep working.
                         * @default false
                         */
                        revoke_tokens: boolean;
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
                            detail: string;
                            /** @description How many API tokens were revoked. */
                            revoked_tokens: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/auth/sign-in-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How people sign in here: the local form, the facility's identity provider, or both */
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
                            /** @description Whether the login page shows the username and password form */
                            local_form: boolean;
                            /** @description Signing in through the facility's identity provider, when configured */
                            oidc: {
                                /** @description The button's text, "Sign in with <facility>" */
                                label: string;
                                /** @description Where the browser goes to sign in (add ?next=<path> to come back there) */
                                login_url: string;
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
    "/rest/v1/automounters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Automounters (staff) */
        get: {
            parameters: {
                query?: {
                    /** @description The beamline: its id or its acronym. */
                    beamline?: number | string;
                    limit?: number;
                    offset?: number;
                    /** @description Sort by beamline, name, updated_at, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "beamline" | "-beamline" | "name" | "-name" | "updated_at" | "-updated_at" | "id" | "-id";
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
                            count: number;
                            results: components["schemas"]["Automounter"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Install an automounter on a beamline (staff) */
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
                        /** @description Make it the beamline's active automounter (the others are deactivated). */
                        active?: boolean;
                        beamline_id: number;
                        /** @description 1 to 60 letters, digits, _ or - */
                        name: string;
                        /** @description at most 10000 characters */
                        staff_comments?: string;
                        /** @description An automounter container type, by name (e.g. "ISARA Automounter") or id. */
                        type: string | number;
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
                            active: boolean;
                            beamline: string;
                            beamline_id: number;
                            /** @description The automounter itself, as a container whose slots take pucks, cassettes or adaptors. */
                            container_id: number;
                            container_type: string;
                            id: number;
                            loaded: {
                                id: number;
                                name: string;
                                parent_id: number;
                                /** @description Where it sits: the slot in the automounter, plus the slot in an adaptor there. */
                                port: string;
                                project_id: number | null;
                            }[];
                            name: string;
                            staff_comments: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/automounters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One automounter and what it holds (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            active: boolean;
                            beamline: string;
                            beamline_id: number;
                            /** @description The automounter itself, as a container whose slots take pucks, cassettes or adaptors. */
                            container_id: number;
                            container_type: string;
                            id: number;
                            loaded: {
                                id: number;
                                name: string;
                                parent_id: number;
                                /** @description Where it sits: the slot in the automounter, plus the slot in an adaptor there. */
                                port: string;
                                project_id: number | null;
                            }[];
                            name: string;
                            staff_comments: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an empty automounter (staff) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an automounter's staff comments (staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 10000 characters */
                        staff_comments: string;
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
                            active: boolean;
                            beamline: string;
                            beamline_id: number;
                            /** @description The automounter itself, as a container whose slots take pucks, cassettes or adaptors. */
                            container_id: number;
                            container_type: string;
                            id: number;
                            loaded: {
                                id: number;
                                name: string;
                                parent_id: number;
                                /** @description Where it sits: the slot in the automounter, plus the slot in an adaptor there. */
                                port: string;
                                project_id: number | null;
                            }[];
                            name: string;
                            staff_comments: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/automounters/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make this the beamline's active automounter; the one active before is deactivated (staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            active: boolean;
                            beamline: string;
                            beamline_id: number;
                            /** @description The automounter itself, as a container whose slots take pucks, cassettes or adaptors. */
                            container_id: number;
                            container_type: string;
                            id: number;
                            loaded: {
                                id: number;
                                name: string;
                                parent_id: number;
                                /** @description Where it sits: the slot in the automounter, plus the slot in an adaptor there. */
                                port: string;
                                project_id: number | null;
                            }[];
                            name: string;
                            staff_comments: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/automounters/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate an automounter (staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            active: boolean;
                            beamline: string;
                            beamline_id: number;
                            /** @description The automounter itself, as a container whose slots take pucks, cassettes or adaptors. */
                            container_id: number;
                            container_type: string;
                            id: number;
                            loaded: {
                                id: number;
                                name: string;
                                parent_id: number;
                                /** @description Where it sits: the slot in the automounter, plus the slot in an adaptor there. */
                                port: string;
                                project_id: number | null;
                            }[];
                            name: string;
                            staff_comments: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/automounters/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was loaded into the automounter's slots, newest first (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by started_at, ended_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "started_at" | "-started_at" | "ended_at" | "-ended_at";
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["AutomounterLoad"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/beamlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Beamlines */
        get: {
            parameters: {
                query?: {
                    active?: boolean;
                    limit?: number;
                    offset?: number;
                    /** @description Sort by acronym, name, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "acronym" | "-acronym" | "name" | "-name" | "id" | "-id";
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
                            count: number;
                            results: components["schemas"]["Beamline"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a beamline (staff) */
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
                        /** @description 1 to 50 letters, digits, _ or - (MxDC uses it in its URLs) */
                        acronym: string;
                        active?: boolean;
                        /** @description at most 60 characters */
                        contact_phone?: string;
                        /** @description 0 to 1000 (keV) */
                        energy_hi?: number;
                        /** @description 0 to 1000 (keV) */
                        energy_lo?: number;
                        /** @description at most 600 characters */
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
                            /** @description The name MxDC uses in its URLs. */
                            acronym: string;
                            active: boolean;
                            contact_phone: string;
                            energy_hi: number;
                            energy_lo: number;
                            id: number;
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/beamlines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One beamline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description The name MxDC uses in its URLs. */
                            acronym: string;
                            active: boolean;
                            contact_phone: string;
                            energy_hi: number;
                            energy_lo: number;
                            id: number;
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a beamline that has no sessions or datasets, with its empty automounters (staff) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a beamline (staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 50 letters, digits, _ or - (MxDC uses it in its URLs) */
                        acronym?: string;
                        active?: boolean;
                        /** @description at most 60 characters */
                        contact_phone?: string;
                        /** @description 0 to 1000 (keV) */
                        energy_hi?: number;
                        /** @description 0 to 1000 (keV) */
                        energy_lo?: number;
                        /** @description at most 600 characters */
                        name?: string;
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
                            /** @description The name MxDC uses in its URLs. */
                            acronym: string;
                            active: boolean;
                            contact_phone: string;
                            energy_hi: number;
                            energy_lo: number;
                            id: number;
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/beamlines/{id}/unload-project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take every container of a project out of the beamline's automounters (staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        project_id: number;
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
                            unloaded: {
                                id: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/container-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Container types with their locations */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by id, name; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "id" | "-id" | "name" | "-name";
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
                            count: number;
                            results: components["schemas"]["ContainerType"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/container-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One container type with its locations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            envelope: string;
                            height: number;
                            id: number;
                            locations: {
                                /** @description Container types this location holds; empty when it holds a sample. */
                                accepts: string[];
                                name: string;
                                x: number;
                                y: number;
                            }[];
                            name: string;
                            radius: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/containers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Containers of your project (staff: of every project; automounters are under /automounters) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by id, name, state, priority, created_at, updated_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "id" | "-id" | "name" | "-name" | "state" | "-state" | "priority" | "-priority" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                    /** @description The container it sits in: its id or its name. */
                    parent?: number | string;
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Case-insensitive text found anywhere in the name (containers are named by their code). */
                    search?: string;
                    /** @description The shipment: its id or its name. */
                    shipment?: number | string;
                    state?: "draft" | "sent" | "on_site" | "returned" | "archived";
                    /** @description The container type: its id or its name. */
                    type?: number | string;
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
                            count: number;
                            results: components["schemas"]["Container"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a container to a draft shipment */
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
                        /** @description at most 10000 characters */
                        comments?: string;
                        /** @description 1 to 60 letters, digits, _ or - */
                        name: string;
                        /** @description a whole number from -1000000 to 1000000 */
                        priority?: number;
                        shipment_id: number;
                        /** @description A container type, by name (e.g. "Uni-Puck") or id. */
                        type: string | number;
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
                            comments: string;
                            container_type: string;
                            container_type_id: number;
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            /** @description Its slot in the parent. */
                            location: string | null;
                            name: string;
                            /** @description The container this one sits in. */
                            parent_id: number | null;
                            priority: number;
                            /** @description Null for facility equipment (automounters). */
                            project_id: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/containers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One container */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            comments: string;
                            container_type: string;
                            container_type_id: number;
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            /** @description Its slot in the parent. */
                            location: string | null;
                            name: string;
                            /** @description The container this one sits in. */
                            parent_id: number | null;
                            priority: number;
                            /** @description Null for facility equipment (automounters). */
                            project_id: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a container of a draft shipment, with its samples */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a container of a draft shipment */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 10000 characters */
                        comments?: string;
                        /** @description 1 to 60 letters, digits, _ or - */
                        name?: string;
                        /** @description a whole number from -1000000 to 1000000 */
                        priority?: number;
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
                            comments: string;
                            container_type: string;
                            container_type_id: number;
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            /** @description Its slot in the parent. */
                            location: string | null;
                            name: string;
                            /** @description The container this one sits in. */
                            parent_id: number | null;
                            priority: number;
                            /** @description Null for facility equipment (automounters). */
                            project_id: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/containers/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the container has been loaded, newest first (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by started_at, ended_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "started_at" | "-started_at" | "ended_at" | "-ended_at";
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["ContainerLoad"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/containers/{id}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the container into a slot of another: owners, a container of the same draft shipment (a puck into an adaptor); staff, an automounter ("beamline") or any container on site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 5 characters naming a location of the container's type */
                        location: string;
                        parent_id: number;
                    } | {
                        /** @description Staff: the beamline whose active automounter takes it. */
                        beamline: string;
                        /** @description 1 to 5 characters naming a location of the container's type */
                        location: string;
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
                            comments: string;
                            container_type: string;
                            container_type_id: number;
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            /** @description Its slot in the parent. */
                            location: string | null;
                            name: string;
                            /** @description The container this one sits in. */
                            parent_id: number | null;
                            priority: number;
                            /** @description Null for facility equipment (automounters). */
                            project_id: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/containers/{id}/samples/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import samples into a container from a UTF-8 CSV file (columns name, location, group, barcode, comments, priority), sent as text/csv or as the one file of a multipart/form-data form. Every bad row is reported and nothing is imported unless all rows are good. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file?: string;
                    };
                    "text/csv": unknown;
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
                            count: number;
                            results: components["schemas"]["Sample"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                            rows?: {
                                errors: string[];
                                /** @description The row in the file; the header is row 1. */
                                row: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                            rows?: {
                                errors: string[];
                                /** @description The row in the file; the header is row 1. */
                                row: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                            rows?: {
                                errors: string[];
                                /** @description The row in the file; the header is row 1. */
                                row: number;
                            }[];
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
    "/rest/v1/containers/{id}/unload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take the container out of whatever holds it (same rules as load) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            comments: string;
                            container_type: string;
                            container_type_id: number;
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            /** @description Its slot in the parent. */
                            location: string | null;
                            name: string;
                            /** @description The container this one sits in. */
                            parent_id: number | null;
                            priority: number;
                            /** @description Null for facility equipment (automounters). */
                            project_id: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/data-product-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data product groups holding products you may see (and empty ones), by name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Exact name. */
                    name?: string;
                    offset?: number;
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
                            count: number;
                            results: {
                                /** Format: date-time */
                                created_at: string;
                                id: number;
                                name: string;
                                /** @description Products in the group that you may see. */
                                product_count: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a group, optionally with products you may change */
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
                        data_product_ids?: number[];
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
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            name: string;
                            /** @description Products in the group that you may see. */
                            product_count: number;
                            products: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                data_product_type: string;
                                extra_data: {
                                    [key: string]: unknown;
                                };
                                facility: string | null;
                                file_name: string;
                                groups: {
                                    id: number;
                                    name: string;
                                }[];
                                id: number;
                                product_id: string;
                                /** @description Bytes. */
                                size: number;
                                target_id: number;
                                /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                thumbnail_url: string | null;
                                /** @description Where the file is served (same access rules as its target). */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/data-product-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group with the products in it you may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            name: string;
                            /** @description Products in the group that you may see. */
                            product_count: number;
                            products: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                data_product_type: string;
                                extra_data: {
                                    [key: string]: unknown;
                                };
                                facility: string | null;
                                file_name: string;
                                groups: {
                                    id: number;
                                    name: string;
                                }[];
                                id: number;
                                product_id: string;
                                /** @description Bytes. */
                                size: number;
                                target_id: number;
                                /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                thumbnail_url: string | null;
                                /** @description Where the file is served (same access rules as its target). */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/data-product-groups/{id}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add products you may change to a group (already present ones are kept) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data_product_ids: number[];
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
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            name: string;
                            /** @description Products in the group that you may see. */
                            product_count: number;
                            products: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                data_product_type: string;
                                extra_data: {
                                    [key: string]: unknown;
                                };
                                facility: string | null;
                                file_name: string;
                                groups: {
                                    id: number;
                                    name: string;
                                }[];
                                id: number;
                                product_id: string;
                                /** @description Bytes. */
                                size: number;
                                target_id: number;
                                /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                thumbnail_url: string | null;
                                /** @description Where the file is served (same access rules as its target). */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/data-product-groups/{id}/products/{product}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a product you may change out of a group (the product itself stays) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    product: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/data-products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One data product (404 if you may not see its target) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** Format: date-time */
                            created_at: string;
                            /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                            data_product_type: string;
                            extra_data: {
                                [key: string]: unknown;
                            };
                            facility: string | null;
                            file_name: string;
                            groups: {
                                id: number;
                                name: string;
                            }[];
                            id: number;
                            product_id: string;
                            /** @description Bytes. */
                            size: number;
                            target_id: number;
                            /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                            thumbnail_url: string | null;
                            /** @description Where the file is served (same access rules as its target). */
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a data product, its file and its reduced datums (owner or staff) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/data-products/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A FITS data product's image: size, display range, header and where its pictures are */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description A few header keywords worth showing (OBJECT, DATE-OBS, FILTER, EXPTIME…). */
                            header: {
                                [key: string]: string | number | boolean | (never | null);
                            };
                            /** @description Pixels. */
                            height: number;
                            /** @description The whole picture as PNG. */
                            picture_url: string;
                            /** @description A part at full resolution: add ?x=&y=&w=&h=. */
                            region_url: string;
                            /** @description Why RA and Dec cannot be given; null when they can. */
                            wcs_problem: string | null;
                            /** @description Pixels. */
                            width: number;
                            /** @description The value drawn black (zscale). */
                            z1: number;
                            /** @description The value drawn white (zscale). */
                            z2: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/data-products/{id}/image.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole picture (PNG, zscale, north up, at most 1024 pixels a side) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/v1/data-products/{id}/image/region.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A part of the picture at full resolution (PNG; at most 2048 pixels a side)
         * @description x and y count from the picture's top-left corner; the stretch is the whole image's, so parts match the whole picture.
         */
        get: {
            parameters: {
                query: {
                    h: number;
                    w: number;
                    x: number;
                    y: number;
                };
                header?: never;
                path: {
                    id: number;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/v1/data-products/{id}/image/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pixel values and their RA/Dec (from the image's TAN WCS) in a window of at most 64 × 64
         * @description x and y count from the picture's top-left corner. ra and dec are null when the image has no usable WCS (see wcs_problem of /image).
         */
        get: {
            parameters: {
                query: {
                    h: number;
                    w: number;
                    x: number;
                    y: number;
                };
                header?: never;
                path: {
                    id: number;
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
                            dec: number[] | null;
                            h: number;
                            /** @description Degrees at each pixel's centre. */
                            ra: number[] | null;
                            /** @description Row by row from the top-left; null for blank pixels. */
                            values: (number | null)[];
                            w: number;
                            x: number;
                            y: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/data-products/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The PNG preview of a FITS data product (404 until it is made)
         * @description A grayscale PNG at most 256 pixels on its longer side, with the zscale stretch of the timelapses. The product's `thumbnail_url` says whether it exists yet.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description image/png */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Datasets, newest first: your project's, or every project's for staff */
        get: {
            parameters: {
                query?: {
                    /** @description The beamline: its id or its acronym. */
                    beamline?: number | string;
                    /** @description Created at or after this time. */
                    created_after?: string;
                    /** @description Created before this time. */
                    created_before?: string;
                    /** @description The group: its id or its name. */
                    group?: number | string;
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, name, type; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "name" | "-name" | "type" | "-type";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description The sample: its id or its name. */
                    sample?: number | string;
                    /** @description Case-insensitive text found anywhere in the name. */
                    search?: string;
                    /** @description The session: its id or its name. */
                    session?: number | string;
                    /** @description A data type acronym, e.g. DATA. */
                    type?: string;
                    /** @description true: only records without downloadable files (their directory was outside the configured data roots, so their download links answer 404); false: only records with files. */
                    without_files?: boolean;
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
                            count: number;
                            results: components["schemas"]["Dataset"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/datasets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dataset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            attenuation: number;
                            beam_size: number | null;
                            beamline: string;
                            beamline_id: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end_time: string | null;
                            energy: number;
                            exposure_time: number | null;
                            file_name: string;
                            frames: string;
                            frames_per_file: number;
                            /** @description The group's name. */
                            group: string | null;
                            group_id: number | null;
                            /** @description Whether its download links serve files: false when its directory was outside the configured data roots (those links answer 404). */
                            has_files: boolean;
                            id: number;
                            meta_data: {
                                [key: string]: unknown;
                            };
                            name: string;
                            num_frames: number;
                            project_id: number;
                            /** @description The Data Proxy key of the dataset's directory. */
                            proxy_key: string;
                            /** @description The sample's name. */
                            sample: string | null;
                            sample_id: number | null;
                            /** @description The session's name. */
                            session: string | null;
                            session_id: number | null;
                            /** Format: date-time */
                            start_time: string | null;
                            state: string;
                            /** @description The data type acronym: SCREEN, DATA, XRD, RASTER, XAS, XRF, MAD. */
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes you may see, as server-sent events
         * @description A `text/event-stream` (open it with `EventSource`; a cookie login or a token works). Each event has an `id:`, an `event:` naming its kind, and `data:` JSON holding `kind`, the ids of the records concerned, `project_id` and `beamline_id`; fetch those records again to show the change. A reconnecting EventSource sends `Last-Event-ID` and gets what it missed (events are kept for a day). A comment line opens the stream (`: connected`) and keeps it alive every 15 seconds.
         *
         *     Kinds:
         *     - `session.changed`: a session was launched or closed, or one of its stretches ended because another session started on the beamline
         *     - `dataset.created`: MxDC uploaded a new dataset
         *     - `dataset.changed`: MxDC uploaded a dataset again (with its id)
         *     - `report.created`: MxDC uploaded a new analysis report; session_id is the session of its first dataset
         *     - `report.changed`: MxDC uploaded a report again (with its id)
         *     - `shipment.changed`: a shipment was sent, recalled, received, returned or archived (or one of the undo actions); state is the new state
         *     - `container.changed`: a container changed state with its shipment, or was loaded, unloaded or moved
         *     - `automounter.changed`: an automounter was installed, changed, activated, deactivated or removed, or a container was loaded into it, moved in it or taken out (staff only)
         *     - `process.changed`: a telescope process (pipeline or timelapse) was created, logged a line, changed status or ended; sent to those who may see its target
         *     - `data-product.changed`: data products of a target were added (uploaded, made by a pipeline, ingested), got their preview, or were deleted; sent to those who may see the target
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The id of the last event received; sent by EventSource when it reconnects. */
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/facilities/{name}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a facility's observation form offers: proposals, instruments and their filters (from its portal) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                            date_fields: string[];
                            facility: string;
                            filters: {
                                code: string;
                                name: string;
                            }[];
                            /** @description The field that names a request (set from the template name). */
                            identifier_field: string;
                            instruments: {
                                code: string;
                                name: string;
                            }[];
                            proposals: {
                                id: string;
                                title: string;
                            }[];
                            schedulable: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey answers, newest first, with comments and ratings (staff) */
        get: {
            parameters: {
                query?: {
                    /** @description The beamline: its id or its acronym. */
                    beamline?: number | string;
                    /** @description Only answers that ask (true) or do not ask (false) to be contacted. */
                    contact?: boolean;
                    /** @description Feedback given at or after this ISO date or date-time (UTC). */
                    from?: string;
                    limit?: number;
                    offset?: number;
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Feedback given before this ISO date or date-time (UTC). */
                    to?: string;
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
                            count: number;
                            results: components["schemas"]["SessionFeedback"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/feedback-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey results: average rating per support area, overall, per beamline and per month (staff) */
        get: {
            parameters: {
                query?: {
                    /** @description The beamline: its id or its acronym. */
                    beamline?: number | string;
                    /** @description Feedback given at or after this ISO date or date-time (UTC). */
                    from?: string;
                    /** @description Feedback given before this ISO date or date-time (UTC). */
                    to?: string;
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
                            /** @description Every active area and any other rated here, in survey order. */
                            areas: {
                                area: string;
                                area_id: number;
                                /** @description Mean of the ratings, N/A left out; null when nobody rated it. */
                                average: number | null;
                                /** @description How many gave each rating. */
                                counts: {
                                    "-1": number;
                                    "-2": number;
                                    1: number;
                                    2: number;
                                };
                                /** @description How many answered N/A. */
                                not_applicable: number;
                                /** @description How many rated it (N/A not counted). */
                                ratings: number;
                            }[];
                            /** @description Mean of every rating in the group, N/A left out. */
                            average: number | null;
                            /** @description Beamlines with answers, by acronym. */
                            beamlines: {
                                /** @description Every active area and any other rated here, in survey order. */
                                areas: {
                                    area: string;
                                    area_id: number;
                                    /** @description Mean of the ratings, N/A left out; null when nobody rated it. */
                                    average: number | null;
                                    /** @description How many gave each rating. */
                                    counts: {
                                        "-1": number;
                                        "-2": number;
                                        1: number;
                                        2: number;
                                    };
                                    /** @description How many answered N/A. */
                                    not_applicable: number;
                                    /** @description How many rated it (N/A not counted). */
                                    ratings: number;
                                }[];
                                /** @description Mean of every rating in the group, N/A left out. */
                                average: number | null;
                                beamline: string;
                                beamline_id: number;
                                /** @description Of those, how many asked to be contacted. */
                                contact_requests: number;
                                /** @description Surveys answered. */
                                feedback_count: number;
                            }[];
                            /** @description Of those, how many asked to be contacted. */
                            contact_requests: number;
                            /** @description Surveys answered. */
                            feedback_count: number;
                            /** @description Months with answers, oldest first. */
                            months: {
                                /** @description Every active area and any other rated here, in survey order. */
                                areas: {
                                    area: string;
                                    area_id: number;
                                    /** @description Mean of the ratings, N/A left out; null when nobody rated it. */
                                    average: number | null;
                                    /** @description How many gave each rating. */
                                    counts: {
                                        "-1": number;
                                        "-2": number;
                                        1: number;
                                        2: number;
                                    };
                                    /** @description How many answered N/A. */
                                    not_applicable: number;
                                    /** @description How many rated it (N/A not counted). */
                                    ratings: number;
                                }[];
                                /** @description Mean of every rating in the group, N/A left out. */
                                average: number | null;
                                /** @description Of those, how many asked to be contacted. */
                                contact_requests: number;
                                /** @description Surveys answered. */
                                feedback_count: number;
                                /** @description YYYY-MM, when the feedback was given (UTC). */
                                month: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/feedback/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The survey of a session, by the key in its survey link (no login needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The key in the survey link: "username:session" in URL-safe base64. */
                    key: string;
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
                            /** @description The active support areas, in survey order. */
                            areas: {
                                description: string;
                                id: number;
                                name: string;
                            }[];
                            /** @description The beamline's acronym. */
                            beamline: string;
                            beamline_name: string;
                            /**
                             * Format: date-time
                             * @description null while the session is running.
                             */
                            ended_at: string | null;
                            /** @description The project's (owner's) username. */
                            project: string;
                            /** @description The session's name. */
                            session: string;
                            /** Format: date-time */
                            started_at: string | null;
                            /** @description Feedback was already given (only once per session). */
                            submitted: boolean;
                            /** Format: date-time */
                            submitted_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Answer the survey of a session: ratings per support area, comments, contact consent (once per session; no login needed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The key in the survey link: "username:session" in URL-safe base64. */
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 10000 characters */
                        comments?: string;
                        /** @description true when the user would like to be contacted about the session */
                        contact?: boolean;
                        /** @description One entry per rated area; areas left out are not rated. */
                        ratings?: {
                            area_id: number;
                            /** @description From -2 (worst) to 2 (best) with no middle: -2, -1, 1 or 2. 0 is refused. */
                            rating: number | null;
                        }[];
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
                            beamline: string;
                            comments: string;
                            contact: boolean;
                            /** Format: date-time */
                            created_at: string;
                            id: number;
                            ratings: {
                                area: string;
                                area_id: number;
                                /** @description From -2 (worst) to 2 (best) with no middle: -2, -1, 1 or 2. 0 is refused. */
                                rating: number | null;
                            }[];
                            session: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sample groups of your project (staff: every project), by priority */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by name, priority, kind, state, created_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "name" | "-name" | "priority" | "-priority" | "kind" | "-kind" | "state" | "-state" | "created_at" | "-created_at";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Case-insensitive text found anywhere in the name. */
                    search?: string;
                    /** @description The shipment: its id or its name. */
                    shipment?: number | string;
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
                            count: number;
                            results: components["schemas"]["SampleGroup"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a group to a draft shipment */
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
                        /** @description at most 5 characters */
                        absorption_edge?: string;
                        /** @description at most 10000 characters */
                        comments?: string;
                        /** @description more than 0 and at most 100 (keV) */
                        energy?: number | null;
                        /** @description one of native, mad, sad, s_sad */
                        kind?: "native" | "mad" | "sad" | "s_sad";
                        /** @description 1 to 60 letters, digits, _ or - */
                        name: string;
                        /** @description one of collect_best, collect_first_good, screen_and_confirm, collect_all */
                        plan?: "collect_best" | "collect_first_good" | "screen_and_confirm" | "collect_all";
                        /** @description a whole number from -1000000 to 1000000 */
                        priority?: number | null;
                        /** @description more than 0 and at most 100 (Å) */
                        resolution?: number | null;
                        shipment_id: number;
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
                            absorption_edge: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            energy: number | null;
                            id: number;
                            kind: string;
                            name: string;
                            plan: string;
                            priority: number | null;
                            project_id: number;
                            resolution: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            absorption_edge: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            energy: number | null;
                            id: number;
                            kind: string;
                            name: string;
                            plan: string;
                            priority: number | null;
                            project_id: number;
                            resolution: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a group of a draft shipment (its samples stay, without a group) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a group of a draft shipment */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 5 characters */
                        absorption_edge?: string;
                        /** @description at most 10000 characters */
                        comments?: string;
                        /** @description more than 0 and at most 100 (keV) */
                        energy?: number | null;
                        /** @description one of native, mad, sad, s_sad */
                        kind?: "native" | "mad" | "sad" | "s_sad";
                        /** @description 1 to 60 letters, digits, _ or - */
                        name?: string;
                        /** @description one of collect_best, collect_first_good, screen_and_confirm, collect_all */
                        plan?: "collect_best" | "collect_first_good" | "screen_and_confirm" | "collect_all";
                        /** @description a whole number from -1000000 to 1000000 */
                        priority?: number | null;
                        /** @description more than 0 and at most 100 (Å) */
                        resolution?: number | null;
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
                            absorption_edge: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            energy: number | null;
                            id: number;
                            kind: string;
                            name: string;
                            plan: string;
                            priority: number | null;
                            project_id: number;
                            resolution: number | null;
                            shipment_id: number | null;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent jobs, newest first (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    state?: "queued" | "running" | "succeeded" | "failed";
                    type?: string;
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
                            count: number;
                            results: components["schemas"]["Job"][];
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
    "/rest/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            attempts: number;
                            created_at: string;
                            finished_at: string | null;
                            id: number;
                            last_error: string | null;
                            max_attempts: number;
                            result: unknown;
                            started_at: string | null;
                            state: "queued" | "running" | "succeeded" | "failed";
                            type: string;
                            worker: string | null;
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
    "/rest/v1/jobs/selftest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enqueue a self-test job that waits and reports which worker ran it (staff) */
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
                        first_attempt_sleep_ms?: number;
                        /** @default 0 */
                        sleep_ms: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            created_at: string;
                            finished_at: string | null;
                            id: number;
                            last_error: string | null;
                            max_attempts: number;
                            result: unknown;
                            started_at: string | null;
                            state: "queued" | "running" | "succeeded" | "failed";
                            type: string;
                            worker: string | null;
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
    "/rest/v1/observation-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Observation templates of the targets you may see, by target, facility and name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    target_id?: number;
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
                            count: number;
                            results: components["schemas"]["ObservationTemplate"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/observation-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One observation template (404 if you may not see its target) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            created_at: string;
                            facility: string;
                            fields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            name: string;
                            target_id: number;
                            target_name: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Change an observation template's name and fields (staff or the target's owner); validated as when created */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        facility: string;
                        fields: {
                            [key: string]: unknown;
                        };
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
                            created_at: string;
                            facility: string;
                            fields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            name: string;
                            target_id: number;
                            target_name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete an observation template (staff or the target's owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            detail: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Observations of the targets you may see, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Case-insensitive text found anywhere in the target's name and the facility's id. */
                    search?: string;
                    status?: string;
                    target_id?: number;
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
                            count: number;
                            results: components["schemas"]["Observation"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/observations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One observation (404 if you may not see its target) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Email alerts waiting on its data. */
                            alerts: number;
                            created_at: string;
                            /** @description Data products fetched from it. */
                            data_products: number;
                            facility: string;
                            id: number;
                            /** @description The facility's own id (an LCO request id). */
                            observation_id: string;
                            /** @description The form values it was submitted with. */
                            parameters: {
                                [key: string]: unknown;
                            };
                            scheduled_end: string | null;
                            scheduled_start: string | null;
                            /** @description The facility's state, "" until first checked. */
                            status: string;
                            target_id: number;
                            target_name: string;
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pipelines this installation offers, by name */
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
                            count: number;
                            results: components["schemas"]["Pipeline"][];
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
    "/rest/v1/processes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One process with its log, input files and output group */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** Format: date-time */
                            created_at: string;
                            failure_message: string | null;
                            flags: {
                                [key: string]: boolean;
                            } | null;
                            id: number;
                            identifier: string;
                            inputs: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                data_product_type: string;
                                extra_data: {
                                    [key: string]: unknown;
                                };
                                facility: string | null;
                                file_name: string;
                                groups: {
                                    id: number;
                                    name: string;
                                }[];
                                id: number;
                                product_id: string;
                                /** @description Bytes. */
                                size: number;
                                target_id: number;
                                /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                thumbnail_url: string | null;
                                /** @description Where the file is served (same access rules as its target). */
                                url: string;
                            }[];
                            logs: string;
                            output_group: {
                                id: number;
                                name: string;
                                products: {
                                    /** Format: date-time */
                                    created_at: string;
                                    /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                    data_product_type: string;
                                    extra_data: {
                                        [key: string]: unknown;
                                    };
                                    facility: string | null;
                                    file_name: string;
                                    groups: {
                                        id: number;
                                        name: string;
                                    }[];
                                    id: number;
                                    product_id: string;
                                    /** @description Bytes. */
                                    size: number;
                                    target_id: number;
                                    /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                    thumbnail_url: string | null;
                                    /** @description Where the file is served (same access rules as its target). */
                                    url: string;
                                }[];
                            } | null;
                            pipeline_name: string | null;
                            /** @description "timelapse", or the pipeline's name. */
                            process_type: string;
                            /** @description pending, created (finished), failed, or a status text the pipeline set meanwhile. */
                            status: string;
                            target_id: number | null;
                            /** Format: date-time */
                            terminal_at: string | null;
                            /** @description The process page (pipelines only). */
                            view_url: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/project-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a login account and its project together (staff) */
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
                        /** @description at most 100 characters */
                        account_number?: string;
                        /** @description at most 600 characters */
                        address?: string;
                        /** @description at most 100 characters */
                        carrier?: string;
                        /** @description at most 200 characters */
                        city?: string;
                        /** @description at most 300 characters */
                        contact_email?: string;
                        /** @description at most 200 characters */
                        contact_person?: string;
                        /** @description at most 60 characters */
                        contact_phone?: string;
                        /** @description at most 100 characters */
                        country?: string;
                        /** @description at most 300 characters */
                        department?: string;
                        email?: string;
                        full_name?: string;
                        /** @description at most 300 characters */
                        organisation?: string;
                        /** @description Left out, the account cannot log in to the web app until one is set; MxDC signs with its key. */
                        password?: string;
                        /** @description at most 30 characters */
                        postal_code?: string;
                        /** @description at most 200 characters */
                        province?: string;
                        /** @description The login name MxDC signs as: 1 to 150 letters, digits or . @ + - _ */
                        username: string;
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
                            /** @description at most 100 characters */
                            account_number: string;
                            /** @description at most 600 characters */
                            address: string;
                            /** @description at most 100 characters */
                            carrier: string;
                            /** @description at most 200 characters */
                            city: string;
                            /** @description at most 300 characters */
                            contact_email: string;
                            /** @description at most 200 characters */
                            contact_person: string;
                            /** @description at most 60 characters */
                            contact_phone: string;
                            /** @description at most 100 characters */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description at most 300 characters */
                            department: string;
                            email: string;
                            full_name: string;
                            /** @description Whether MxDC has registered its key; staff reset it to let MxDC register a new one. */
                            has_mxdc_key: boolean;
                            id: number;
                            /** @description at most 300 characters */
                            organisation: string;
                            /** @description at most 30 characters */
                            postal_code: string;
                            /** @description at most 200 characters */
                            province: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: number;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects: your own, or every project for staff */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by username, created_at, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "username" | "-username" | "created_at" | "-created_at" | "id" | "-id";
                    /** @description Case-insensitive text found anywhere in the username or the owner's full name. */
                    search?: string;
                    username?: string;
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
                            count: number;
                            results: components["schemas"]["LimsProject"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create the project of an existing user account (staff) */
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
                        /** @description at most 100 characters */
                        account_number?: string;
                        /** @description at most 600 characters */
                        address?: string;
                        /** @description at most 100 characters */
                        carrier?: string;
                        /** @description at most 200 characters */
                        city?: string;
                        /** @description at most 300 characters */
                        contact_email?: string;
                        /** @description at most 200 characters */
                        contact_person?: string;
                        /** @description at most 60 characters */
                        contact_phone?: string;
                        /** @description at most 100 characters */
                        country?: string;
                        /** @description at most 300 characters */
                        department?: string;
                        /** @description at most 300 characters */
                        organisation?: string;
                        /** @description at most 30 characters */
                        postal_code?: string;
                        /** @description at most 200 characters */
                        province?: string;
                        /** @description The account the project belongs to (or give username). */
                        user_id?: number;
                        username?: string;
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
                            /** @description at most 100 characters */
                            account_number: string;
                            /** @description at most 600 characters */
                            address: string;
                            /** @description at most 100 characters */
                            carrier: string;
                            /** @description at most 200 characters */
                            city: string;
                            /** @description at most 300 characters */
                            contact_email: string;
                            /** @description at most 200 characters */
                            contact_person: string;
                            /** @description at most 60 characters */
                            contact_phone: string;
                            /** @description at most 100 characters */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description at most 300 characters */
                            department: string;
                            email: string;
                            full_name: string;
                            /** @description Whether MxDC has registered its key; staff reset it to let MxDC register a new one. */
                            has_mxdc_key: boolean;
                            id: number;
                            /** @description at most 300 characters */
                            organisation: string;
                            /** @description at most 30 characters */
                            postal_code: string;
                            /** @description at most 200 characters */
                            province: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: number;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description at most 100 characters */
                            account_number: string;
                            /** @description at most 600 characters */
                            address: string;
                            /** @description at most 100 characters */
                            carrier: string;
                            /** @description at most 200 characters */
                            city: string;
                            /** @description at most 300 characters */
                            contact_email: string;
                            /** @description at most 200 characters */
                            contact_person: string;
                            /** @description at most 60 characters */
                            contact_phone: string;
                            /** @description at most 100 characters */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description at most 300 characters */
                            department: string;
                            email: string;
                            full_name: string;
                            /** @description Whether MxDC has registered its key; staff reset it to let MxDC register a new one. */
                            has_mxdc_key: boolean;
                            id: number;
                            /** @description at most 300 characters */
                            organisation: string;
                            /** @description at most 30 characters */
                            postal_code: string;
                            /** @description at most 200 characters */
                            province: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: number;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
        /** Change contact and shipping details (your own project, or any for staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 100 characters */
                        account_number?: string;
                        /** @description at most 600 characters */
                        address?: string;
                        /** @description at most 100 characters */
                        carrier?: string;
                        /** @description at most 200 characters */
                        city?: string;
                        /** @description at most 300 characters */
                        contact_email?: string;
                        /** @description at most 200 characters */
                        contact_person?: string;
                        /** @description at most 60 characters */
                        contact_phone?: string;
                        /** @description at most 100 characters */
                        country?: string;
                        /** @description at most 300 characters */
                        department?: string;
                        /** @description at most 300 characters */
                        organisation?: string;
                        /** @description at most 30 characters */
                        postal_code?: string;
                        /** @description at most 200 characters */
                        province?: string;
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
                            /** @description at most 100 characters */
                            account_number: string;
                            /** @description at most 600 characters */
                            address: string;
                            /** @description at most 100 characters */
                            carrier: string;
                            /** @description at most 200 characters */
                            city: string;
                            /** @description at most 300 characters */
                            contact_email: string;
                            /** @description at most 200 characters */
                            contact_person: string;
                            /** @description at most 60 characters */
                            contact_phone: string;
                            /** @description at most 100 characters */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description at most 300 characters */
                            department: string;
                            email: string;
                            full_name: string;
                            /** @description Whether MxDC has registered its key; staff reset it to let MxDC register a new one. */
                            has_mxdc_key: boolean;
                            id: number;
                            /** @description at most 300 characters */
                            organisation: string;
                            /** @description at most 30 characters */
                            postal_code: string;
                            /** @description at most 200 characters */
                            province: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: number;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/projects/{id}/reset-mxdc-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget the project's MxDC key so MxDC can register a new one (staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description at most 100 characters */
                            account_number: string;
                            /** @description at most 600 characters */
                            address: string;
                            /** @description at most 100 characters */
                            carrier: string;
                            /** @description at most 200 characters */
                            city: string;
                            /** @description at most 300 characters */
                            contact_email: string;
                            /** @description at most 200 characters */
                            contact_person: string;
                            /** @description at most 60 characters */
                            contact_phone: string;
                            /** @description at most 100 characters */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description at most 300 characters */
                            department: string;
                            email: string;
                            full_name: string;
                            /** @description Whether MxDC has registered its key; staff reset it to let MxDC register a new one. */
                            has_mxdc_key: boolean;
                            id: number;
                            /** @description at most 300 characters */
                            organisation: string;
                            /** @description at most 30 characters */
                            postal_code: string;
                            /** @description at most 200 characters */
                            province: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: number;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/projects/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project at a glance: shipments by state and where its containers on site sit (its owner, or staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Every container of the project on site, by name, with where it sits. */
                            containers_on_site: {
                                automounter: string | null;
                                /** @description The beamline whose automounter holds it, directly or in an adaptor. */
                                beamline: string | null;
                                container_type: string;
                                id: number;
                                /** @description Its slot in the parent. */
                                location: string | null;
                                name: string;
                                parent: string | null;
                                /** @description The container it sits in (an automounter, an adaptor…); null on a shelf. */
                                parent_id: number | null;
                                /** @description Its port in the automounter: the slot there, plus the slot in the adaptor when it sits in one. */
                                port: string | null;
                                shipment_id: number | null;
                            }[];
                            project_id: number;
                            /** @description How many shipments are in each state. */
                            shipments: {
                                archived: number;
                                draft: number;
                                on_site: number;
                                returned: number;
                                sent: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/proxy-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data Proxy keys, newest first (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at; a leading "-" sorts descending. Ties are broken by key. */
                    ordering?: "created_at" | "-created_at";
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
                            count: number;
                            results: components["schemas"]["ProxyKey"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/proxy-keys/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a Data Proxy key (staff); its URLs stop working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
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
                            /** Format: date-time */
                            created_at: string;
                            key: string;
                            /** @description The path was outside the data roots when the key was asked for: the key serves no files, and its URLs answer 404 saying so. */
                            outside_roots: boolean;
                            /** @description The directory the key hands out. */
                            path: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/remote-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Remote-access connections, newest first: your project's, or every project's for staff */
        get: {
            parameters: {
                query?: {
                    access_list?: number;
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, status, access_list; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "status" | "-status" | "access_list" | "-access_list";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
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
                            count: number;
                            results: components["schemas"]["ProjectRemoteConnection"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Analysis reports, newest first: your project's, or every project's for staff */
        get: {
            parameters: {
                query?: {
                    /** @description The dataset: its id or its name. */
                    dataset?: number | string;
                    /** @description The group of a dataset it covers: its id or its name. */
                    group?: number | string;
                    /** @description The kind, exactly (e.g. "MX Native Analysis"). */
                    kind?: string;
                    limit?: number;
                    /** @description Only reports scoring at most this. */
                    max_score?: number;
                    /** @description Only reports scoring at least this (scores run 0–1). */
                    min_score?: number;
                    offset?: number;
                    /** @description Sort by created_at, name, score, kind; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "name" | "-name" | "score" | "-score" | "kind" | "-kind";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description The sample of a dataset it covers: its id or its name. */
                    sample?: number | string;
                    /** @description Case-insensitive text found anywhere in the name. */
                    search?: string;
                    /** @description The session of a dataset it covers: its id or its name. */
                    session?: number | string;
                    /** @description true: only records without downloadable files (their directory was outside the configured data roots, so their download links answer 404); false: only records with files. */
                    without_files?: boolean;
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
                            count: number;
                            results: components["schemas"]["Report"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report with its details */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** Format: date-time */
                            created_at: string;
                            /** @description The datasets the report covers. */
                            data_ids: number[];
                            /** @description Sections of tables and plots in the MxLIVE report format (docs/compat.md#report-details). */
                            details: unknown[];
                            id: number;
                            kind: string;
                            name: string;
                            project_id: number;
                            /** @description The Data Proxy key of the report's directory. */
                            proxy_key: string;
                            score: number;
                            state: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Samples of your project (staff: every project), by container and location */
        get: {
            parameters: {
                query?: {
                    /** @description The container: its id or its name. */
                    container?: number | string;
                    /** @description The group: its id or its name. */
                    group?: number | string;
                    limit?: number;
                    /** @description Names starting with this (case-sensitive). */
                    name?: string;
                    offset?: number;
                    /** @description Sort by name, priority, created_at, updated_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "name" | "-name" | "priority" | "-priority" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Case-insensitive text found anywhere in the name or the barcode. */
                    search?: string;
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
                            count: number;
                            results: components["schemas"]["Sample"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Seat a sample in a free location of a container of a draft shipment */
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
                        /** @description 1 to 60 letters, digits, _ or - */
                        barcode?: string | null;
                        collect_status?: boolean;
                        /** @description at most 10000 characters */
                        comments?: string | null;
                        container_id: number;
                        /** @description A group of the same shipment. */
                        group_id?: number | null;
                        /** @description a location of the container's type that holds samples, e.g. "1" in a Uni-Puck */
                        location: string;
                        /** @description 1 to 60 letters, digits, _ or - (it names directories at the beamline) */
                        name: string;
                        /** @description a whole number from -1000000 to 1000000 */
                        priority?: number | null;
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
                            barcode: string | null;
                            collect_status: boolean;
                            comments: string | null;
                            container: string;
                            container_id: number;
                            /** Format: date-time */
                            created_at: string;
                            group: string | null;
                            group_id: number | null;
                            id: number;
                            location: string;
                            name: string;
                            priority: number | null;
                            project_id: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/samples/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sample */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            barcode: string | null;
                            collect_status: boolean;
                            comments: string | null;
                            container: string;
                            container_id: number;
                            /** Format: date-time */
                            created_at: string;
                            group: string | null;
                            group_id: number | null;
                            id: number;
                            location: string;
                            name: string;
                            priority: number | null;
                            project_id: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a sample of a draft shipment */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a sample of a draft shipment (a new location must be free) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 60 letters, digits, _ or - */
                        barcode?: string | null;
                        collect_status?: boolean;
                        /** @description at most 10000 characters */
                        comments?: string | null;
                        /** @description A group of the same shipment. */
                        group_id?: number | null;
                        /** @description a location of the container's type that holds samples, e.g. "1" in a Uni-Puck */
                        location?: string;
                        /** @description 1 to 60 letters, digits, _ or - (it names directories at the beamline) */
                        name?: string;
                        /** @description a whole number from -1000000 to 1000000 */
                        priority?: number | null;
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
                            barcode: string | null;
                            collect_status: boolean;
                            comments: string | null;
                            container: string;
                            container_id: number;
                            /** Format: date-time */
                            created_at: string;
                            group: string | null;
                            group_id: number | null;
                            id: number;
                            location: string;
                            name: string;
                            priority: number | null;
                            project_id: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Beamline sessions, newest first: your project's, or every project's for staff */
        get: {
            parameters: {
                query?: {
                    /** @description true: only sessions with an open stretch (running now); false: only those without. */
                    active?: boolean;
                    /** @description The beamline: its id or its acronym. */
                    beamline?: number | string;
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, name, beamline, project; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "name" | "-name" | "beamline" | "-beamline" | "project" | "-project";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Case-insensitive text found anywhere in the name. */
                    search?: string;
                    /** @description true: only records without downloadable files (their directory was outside the configured data roots, so their download links answer 404); false: only records with files. */
                    without_files?: boolean;
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
                            count: number;
                            results: components["schemas"]["BeamlineSession"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session with its stretches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            beamline: string;
                            beamline_id: number;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Datasets recorded in the session. */
                            dataset_count: number;
                            /** @description The same, as MxDC shows it ("2 hours 5 mins"). */
                            duration: string;
                            /** @description Total time of all stretches, an open one counting up to now. */
                            duration_seconds: number;
                            /** @description Whether its download links serve files: false when its directory was outside the configured data roots (those links answer 404). */
                            has_files: boolean;
                            id: number;
                            /** @description A stretch is open. */
                            is_active: boolean;
                            name: string;
                            /** @description The project's name (its owner's username). */
                            project: string;
                            project_id: number;
                            /** @description The Data Proxy key of the session's directory. */
                            proxy_key: string | null;
                            /** @description Reports on those datasets. */
                            report_count: number;
                            /** @description Newest first. */
                            stretches: {
                                /** Format: date-time */
                                ended_at: string | null;
                                id: number;
                                /** Format: date-time */
                                started_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shipments, newest first: your project's, or every project's for staff */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, updated_at, name, state, date_shipped, date_received, date_returned; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "updated_at" | "-updated_at" | "name" | "-name" | "state" | "-state" | "date_shipped" | "-date_shipped" | "date_received" | "-date_received" | "date_returned" | "-date_returned";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
                    /** @description Case-insensitive text found anywhere in the name or the tracking code. */
                    search?: string;
                    state?: "draft" | "sent" | "on_site" | "returned" | "archived";
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
                            count: number;
                            results: components["schemas"]["Shipment"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a draft shipment (staff name the project) */
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
                        /** @description at most 100 characters */
                        carrier?: string;
                        /** @description at most 200 characters */
                        comments?: string;
                        /** @description letters, digits, space, _ . + -; at most 60 */
                        name: string;
                        project_id?: number;
                        /** @description at most 100 characters (staff only) */
                        return_code?: string;
                        /** @description at most 60 characters (staff only) */
                        storage_location?: string;
                        /** @description at most 100 characters */
                        tracking_code?: string;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One shipment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a draft shipment with its containers, groups and samples */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a draft shipment; staff may also set storage_location and return_code at any time */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 100 characters */
                        carrier?: string;
                        /** @description at most 200 characters */
                        comments?: string;
                        /** @description letters, digits, space, _ . + -; at most 60 */
                        name?: string;
                        /** @description at most 100 characters (staff only) */
                        return_code?: string;
                        /** @description at most 60 characters (staff only) */
                        storage_location?: string;
                        /** @description at most 100 characters */
                        tracking_code?: string;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/shipments/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a returned shipment (staff): returned → archived */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipment's history from the activity log (created, changed, sent, received, returned…), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, action, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "action" | "-action" | "id" | "-id";
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["LimsActivity"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/shipments/{id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back a sent shipment to change it: sent → draft */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a shipment as arrived (staff): draft | sent → on_site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 60 characters (staff only) */
                        storage_location?: string;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a shipment back (staff); its containers are unloaded: on_site → returned */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 100 characters (staff only) */
                        return_code?: string;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a draft shipment (it needs at least one container): draft → sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 100 characters */
                        carrier?: string;
                        /** @description at most 200 characters */
                        comments?: string;
                        /** @description at most 100 characters */
                        tracking_code?: string;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}/unreceive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo receiving (staff); its containers are unloaded: on_site → sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/shipments/{id}/unreturn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo returning (staff): returned → on_site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
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
                            carrier: string;
                            comments: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            date_received: string | null;
                            /** Format: date-time */
                            date_returned: string | null;
                            /** Format: date-time */
                            date_shipped: string | null;
                            id: number;
                            name: string;
                            project_id: number;
                            return_code: string;
                            state: string;
                            storage_location: string;
                            tracking_code: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/ssh-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SSH keys: your project's, or every project's for staff */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by id, name, created_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "id" | "-id" | "name" | "-name" | "created_at" | "-created_at";
                    /** @description The project: its id or its owner's username. */
                    project?: number | string;
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
                            count: number;
                            results: components["schemas"]["SshKey"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an SSH public key (staff name the project) */
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
                        /** @description One OpenSSH public key line: "ssh-ed25519 AAAA… comment". */
                        key: string;
                        name: string;
                        project_id?: number;
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
                            /** Format: date-time */
                            created_at: string;
                            /** @description MD5 of the key text as colon-separated hex, as MxLIVE showed it. */
                            fingerprint: string;
                            id: number;
                            key: string;
                            name: string;
                            project_id: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/ssh-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SSH key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** Format: date-time */
                            created_at: string;
                            /** @description MD5 of the key text as colon-separated hex, as MxLIVE showed it. */
                            fingerprint: string;
                            id: number;
                            key: string;
                            name: string;
                            project_id: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an SSH key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/support-areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Support areas of the survey, in survey order (staff) */
        get: {
            parameters: {
                query?: {
                    active?: boolean;
                    limit?: number;
                    offset?: number;
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
                            count: number;
                            results: components["schemas"]["SupportArea"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a support area to the survey (staff) */
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
                        /** @description true or false; only active areas are on the survey */
                        active?: boolean;
                        /** @description at most 2000 characters */
                        description?: string;
                        /** @description 1 to 200 characters, not only spaces */
                        name: string;
                        /** @description a whole number from -1000000 to 1000000; the survey lists areas by it, then by name */
                        sort_order?: number;
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
                            /** @description Only active areas are on the survey. */
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: number;
                            name: string;
                            /** @description The survey lists areas by this, then by name. */
                            sort_order: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/support-areas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One support area (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Only active areas are on the survey. */
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: number;
                            name: string;
                            /** @description The survey lists areas by this, then by name. */
                            sort_order: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a support area nobody has rated yet (staff; a rated one is deactivated instead) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a support area (staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true or false; only active areas are on the survey */
                        active?: boolean;
                        /** @description at most 2000 characters */
                        description?: string;
                        /** @description 1 to 200 characters, not only spaces */
                        name?: string;
                        /** @description a whole number from -1000000 to 1000000; the survey lists areas by it, then by name */
                        sort_order?: number;
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
                            /** @description Only active areas are on the survey. */
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: number;
                            name: string;
                            /** @description The survey lists areas by this, then by name. */
                            sort_order: number;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/target-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The orbital schemes with their elements, and the declared extra fields */
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
                            extra_fields: {
                                name: string;
                                type: "string" | "number" | "boolean" | "datetime";
                            }[];
                            /** @description Each orbital scheme and the elements it uses. */
                            schemes: {
                                [key: string]: string[];
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
    "/rest/v1/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Targets you may see, by identifier: public ones, your own, or all for staff */
        get: {
            parameters: {
                query?: {
                    /** @description Identifiers starting with this (case-insensitive). */
                    identifier?: string;
                    kind?: "sidereal" | "non_sidereal";
                    limit?: number;
                    offset?: number;
                    /** @description Sort by identifier, name, created_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "identifier" | "-identifier" | "name" | "-name" | "created_at" | "-created_at";
                    public?: boolean;
                    /** @description Identifier or any of the three names contains this (case-insensitive). */
                    search?: string;
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
                            count: number;
                            results: components["schemas"]["Target"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a target; you become its owner
         * @description A sidereal target needs `ra` and `dec`; a non-sidereal one a `scheme` and the elements that scheme uses (MPC_MINOR_PLANET and JPL_MAJOR_PLANET: epoch_of_elements, mean_anomaly, arg_of_perihelion, eccentricity, lng_asc_node, inclination, mean_daily_motion, semimajor_axis; MPC_COMET: epoch_of_elements, arg_of_perihelion, eccentricity, lng_asc_node, inclination, epoch_of_perihelion, perihdist). `extra_fields` takes only declared fields, each of its declared type.
         */
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
                        /** @description a number, or null: an orbital element */
                        arg_of_perihelion?: number | null;
                        /** @description a number from -90 to 90, or null: declination in degrees */
                        dec?: number | null;
                        /** @description a number, or null: an orbital element */
                        eccentricity?: number | null;
                        /** @description a number, or null: epoch of the position in years, e.g. 2000 */
                        epoch?: number | null;
                        /** @description a number, or null: an orbital element */
                        epoch_of_elements?: number | null;
                        /** @description a number, or null: an orbital element */
                        epoch_of_perihelion?: number | null;
                        /** @description Values of the extra fields declared in configuration, typed as declared; null removes one. */
                        extra_fields?: {
                            [key: string]: string | number | boolean | (never | null);
                        };
                        /** @description Short unique name, e.g. "m13"; used in file paths. Cannot be changed later. */
                        identifier: string;
                        /** @description a number, or null: an orbital element */
                        inclination?: number | null;
                        kind?: "sidereal" | "non_sidereal";
                        /** @description a number, or null: an orbital element */
                        lng_asc_node?: number | null;
                        /** @description a number, or null: an orbital element */
                        mean_anomaly?: number | null;
                        /** @description a number, or null: an orbital element */
                        mean_daily_motion?: number | null;
                        name: string;
                        /** @description An alternative name ("" when none). */
                        name2?: string;
                        name3?: string;
                        /** @description a number, or null: parallax, mas */
                        parallax?: number | null;
                        /** @description a number, or null: an orbital element */
                        perihdist?: number | null;
                        /** @description a number, or null: proper motion in Dec, mas/year */
                        pm_dec?: number | null;
                        /** @description a number, or null: proper motion in RA, mas/year */
                        pm_ra?: number | null;
                        /** @description Whether anyone (also without logging in) may see the target and its data. */
                        public?: boolean;
                        /** @description a number from 0 to 360, or null: right ascension in degrees */
                        ra?: number | null;
                        /** @description one of MPC_MINOR_PLANET, MPC_COMET, JPL_MAJOR_PLANET, or null: the orbital element scheme of a non-sidereal target */
                        scheme?: ("MPC_MINOR_PLANET" | "MPC_COMET" | "JPL_MAJOR_PLANET") | (never | null);
                        /** @description a number, or null: an orbital element */
                        semimajor_axis?: number | null;
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
                            arg_of_perihelion: number | null;
                            /** Format: date-time */
                            created_at: string;
                            dec: number | null;
                            eccentricity: number | null;
                            epoch: number | null;
                            epoch_of_elements: number | null;
                            epoch_of_perihelion: number | null;
                            extra_fields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            identifier: string;
                            inclination: number | null;
                            kind: "sidereal" | "non_sidereal";
                            lng_asc_node: number | null;
                            mean_anomaly: number | null;
                            mean_daily_motion: number | null;
                            name: string;
                            name2: string;
                            name3: string;
                            /** @description Username of the owner. */
                            owner: string | null;
                            parallax: number | null;
                            perihdist: number | null;
                            pm_dec: number | null;
                            pm_ra: number | null;
                            public: boolean;
                            ra: number | null;
                            scheme: ("MPC_MINOR_PLANET" | "MPC_COMET" | "JPL_MAJOR_PLANET") | (never | null);
                            semimajor_axis: number | null;
                            /** @description The preview of the target's newest FITS frame that has one (the last frame of its next timelapse); null when none. */
                            thumbnail_url: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/targets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One target (404 if you may not see it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            arg_of_perihelion: number | null;
                            /** Format: date-time */
                            created_at: string;
                            dec: number | null;
                            eccentricity: number | null;
                            epoch: number | null;
                            epoch_of_elements: number | null;
                            epoch_of_perihelion: number | null;
                            extra_fields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            identifier: string;
                            inclination: number | null;
                            kind: "sidereal" | "non_sidereal";
                            lng_asc_node: number | null;
                            mean_anomaly: number | null;
                            mean_daily_motion: number | null;
                            name: string;
                            name2: string;
                            name3: string;
                            /** @description Username of the owner. */
                            owner: string | null;
                            parallax: number | null;
                            perihdist: number | null;
                            pm_dec: number | null;
                            pm_ra: number | null;
                            public: boolean;
                            ra: number | null;
                            scheme: ("MPC_MINOR_PLANET" | "MPC_COMET" | "JPL_MAJOR_PLANET") | (never | null);
                            semimajor_axis: number | null;
                            /** @description The preview of the target's newest FITS frame that has one (the last frame of its next timelapse); null when none. */
                            thumbnail_url: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a target (owner or staff) with its data products, their files, reduced datums and processes */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a target (owner or staff); fields not sent keep their values
         * @description The identifier cannot be changed (file paths are built from it). Changing `kind` clears the other kind's fields.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a number, or null: an orbital element */
                        arg_of_perihelion?: number | null;
                        /** @description a number from -90 to 90, or null: declination in degrees */
                        dec?: number | null;
                        /** @description a number, or null: an orbital element */
                        eccentricity?: number | null;
                        /** @description a number, or null: epoch of the position in years, e.g. 2000 */
                        epoch?: number | null;
                        /** @description a number, or null: an orbital element */
                        epoch_of_elements?: number | null;
                        /** @description a number, or null: an orbital element */
                        epoch_of_perihelion?: number | null;
                        /** @description Values of the extra fields declared in configuration, typed as declared; null removes one. */
                        extra_fields?: {
                            [key: string]: string | number | boolean | (never | null);
                        };
                        /** @description a number, or null: an orbital element */
                        inclination?: number | null;
                        kind?: "sidereal" | "non_sidereal";
                        /** @description a number, or null: an orbital element */
                        lng_asc_node?: number | null;
                        /** @description a number, or null: an orbital element */
                        mean_anomaly?: number | null;
                        /** @description a number, or null: an orbital element */
                        mean_daily_motion?: number | null;
                        name?: string;
                        /** @description An alternative name ("" when none). */
                        name2?: string;
                        name3?: string;
                        /** @description a number, or null: parallax, mas */
                        parallax?: number | null;
                        /** @description a number, or null: an orbital element */
                        perihdist?: number | null;
                        /** @description a number, or null: proper motion in Dec, mas/year */
                        pm_dec?: number | null;
                        /** @description a number, or null: proper motion in RA, mas/year */
                        pm_ra?: number | null;
                        /** @description Whether anyone (also without logging in) may see the target and its data. */
                        public?: boolean;
                        /** @description a number from 0 to 360, or null: right ascension in degrees */
                        ra?: number | null;
                        /** @description one of MPC_MINOR_PLANET, MPC_COMET, JPL_MAJOR_PLANET, or null: the orbital element scheme of a non-sidereal target */
                        scheme?: ("MPC_MINOR_PLANET" | "MPC_COMET" | "JPL_MAJOR_PLANET") | (never | null);
                        /** @description a number, or null: an orbital element */
                        semimajor_axis?: number | null;
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
                            arg_of_perihelion: number | null;
                            /** Format: date-time */
                            created_at: string;
                            dec: number | null;
                            eccentricity: number | null;
                            epoch: number | null;
                            epoch_of_elements: number | null;
                            epoch_of_perihelion: number | null;
                            extra_fields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            identifier: string;
                            inclination: number | null;
                            kind: "sidereal" | "non_sidereal";
                            lng_asc_node: number | null;
                            mean_anomaly: number | null;
                            mean_daily_motion: number | null;
                            name: string;
                            name2: string;
                            name3: string;
                            /** @description Username of the owner. */
                            owner: string | null;
                            parallax: number | null;
                            perihdist: number | null;
                            pm_dec: number | null;
                            pm_ra: number | null;
                            public: boolean;
                            ra: number | null;
                            scheme: ("MPC_MINOR_PLANET" | "MPC_COMET" | "JPL_MAJOR_PLANET") | (never | null);
                            semimajor_axis: number | null;
                            /** @description The preview of the target's newest FITS frame that has one (the last frame of its next timelapse); null when none. */
                            thumbnail_url: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/targets/{id}/data-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A target's data products, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description one of fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "" for none */
                    data_product_type?: "fits_file" | "image_file" | "photometry" | "spectroscopy" | "timelapse" | "plot" | "";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                data_product_type: string;
                                extra_data: {
                                    [key: string]: unknown;
                                };
                                facility: string | null;
                                file_name: string;
                                groups: {
                                    id: number;
                                    name: string;
                                }[];
                                id: number;
                                product_id: string;
                                /** @description Bytes. */
                                size: number;
                                target_id: number;
                                /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                thumbnail_url: string | null;
                                /** @description Where the file is served (same access rules as its target). */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file as a data product of the target (owner or staff)
         * @description Send the file itself as the body with `Content-Type: application/octet-stream` (at most 1 GiB). It is stored at `<target identifier>/<facility or none>/<file_name>` and served under `/data/`. A file that claims, by its name or type, to be FITS (.fits, .fit, .fts, .fz; fits_file) must parse as FITS to its end (a .fz file must hold a tile-compressed image); an image (.png, .jpg, .gif, .webp; image_file) must carry that format's signature; a .csv file must be UTF-8 text. Without `data_product_type`, FITS and image names get fits_file and image_file, others "". `group` names a data product group, created if needed; an existing group must be one you may see (else 404). A refused upload stores nothing.
         */
        post: {
            parameters: {
                query: {
                    /** @description one of fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "" for none */
                    data_product_type?: "fits_file" | "image_file" | "photometry" | "spectroscopy" | "timelapse" | "plot" | "";
                    /** @description The facility that took the data (a path segment); none if absent. */
                    facility?: string;
                    /** @description The stored file name (no "/", not starting with "."). */
                    file_name: string;
                    group?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": unknown;
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
                            /** Format: date-time */
                            created_at: string;
                            /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                            data_product_type: string;
                            extra_data: {
                                [key: string]: unknown;
                            };
                            facility: string | null;
                            file_name: string;
                            groups: {
                                id: number;
                                name: string;
                            }[];
                            id: number;
                            product_id: string;
                            /** @description Bytes. */
                            size: number;
                            target_id: number;
                            /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                            thumbnail_url: string | null;
                            /** @description Where the file is served (same access rules as its target). */
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/targets/{id}/observation-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A target's observation templates, by facility and name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["ObservationTemplate"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an observation template (staff or the target's owner); the facility validates the fields first */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        facility: string;
                        fields: {
                            [key: string]: unknown;
                        };
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
                            created_at: string;
                            facility: string;
                            fields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            name: string;
                            target_id: number;
                            target_name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/targets/{id}/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A target's observations with their facility state, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["Observation"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Submit an observation of the target from one of its templates, with an email alert
         * @description As POST /api/observe/: the template is filled in with a fresh request name, then `overrides` (raw form values by field), checked by the facility's form and its portal, and submitted. Problems come back as `fields` keyed by form field, problems of the whole form under `__all__`. Nothing is recorded unless the portal took the request.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Who is told when the data arrive. */
                        email: string;
                        /** @description Form field → value (string, number, boolean or null). */
                        overrides?: unknown;
                        template_id: number;
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
                        "application/json": components["schemas"]["Observation"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/targets/{id}/observations/update-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the facilities now for the state of the target's open observations
         * @description Anyone signed in who may see the target may ask. A facility that cannot be reached answers 502 and changes nothing of its observations.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Observations whose state or schedule changed. */
                            changed: number;
                            /** @description Observations whose facility was asked. */
                            checked: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/targets/{id}/pipelines/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a pipeline on data products of a target you may change; 202 with the pending process
         * @description Poll `GET /rest/v1/processes/{id}` (or the tom_education `/api/async/status/<target>/`) until the status is `created` or `failed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Input files: data products of this target. */
                        data_product_ids: number[];
                        /** @description Flags by name; those not given take their defaults. */
                        flags?: {
                            [key: string]: boolean;
                        };
                        /** @description Timelapse settings; other pipelines take none. */
                        settings?: {
                            crop_scale?: number;
                            format?: "gif" | "mp4" | "webm";
                            fps?: number;
                            size?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            failure_message: string | null;
                            flags: {
                                [key: string]: boolean;
                            } | null;
                            id: number;
                            identifier: string;
                            inputs: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                data_product_type: string;
                                extra_data: {
                                    [key: string]: unknown;
                                };
                                facility: string | null;
                                file_name: string;
                                groups: {
                                    id: number;
                                    name: string;
                                }[];
                                id: number;
                                product_id: string;
                                /** @description Bytes. */
                                size: number;
                                target_id: number;
                                /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                thumbnail_url: string | null;
                                /** @description Where the file is served (same access rules as its target). */
                                url: string;
                            }[];
                            logs: string;
                            output_group: {
                                id: number;
                                name: string;
                                products: {
                                    /** Format: date-time */
                                    created_at: string;
                                    /** @description fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "". */
                                    data_product_type: string;
                                    extra_data: {
                                        [key: string]: unknown;
                                    };
                                    facility: string | null;
                                    file_name: string;
                                    groups: {
                                        id: number;
                                        name: string;
                                    }[];
                                    id: number;
                                    product_id: string;
                                    /** @description Bytes. */
                                    size: number;
                                    target_id: number;
                                    /** @description A FITS image's PNG preview, made shortly after the product arrives; null until then, and for other files. */
                                    thumbnail_url: string | null;
                                    /** @description Where the file is served (same access rules as its target). */
                                    url: string;
                                }[];
                            } | null;
                            pipeline_name: string | null;
                            /** @description "timelapse", or the pipeline's name. */
                            process_type: string;
                            /** @description pending, created (finished), failed, or a status text the pipeline set meanwhile. */
                            status: string;
                            target_id: number | null;
                            /** Format: date-time */
                            terminal_at: string | null;
                            /** @description The process page (pipelines only). */
                            view_url: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/targets/{id}/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A target's processes, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    status?: string;
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: {
                                /** Format: date-time */
                                created_at: string;
                                failure_message: string | null;
                                flags: {
                                    [key: string]: boolean;
                                } | null;
                                id: number;
                                identifier: string;
                                pipeline_name: string | null;
                                /** @description "timelapse", or the pipeline's name. */
                                process_type: string;
                                /** @description pending, created (finished), failed, or a status text the pipeline set meanwhile. */
                                status: string;
                                target_id: number | null;
                                /** Format: date-time */
                                terminal_at: string | null;
                                /** @description The process page (pipelines only). */
                                view_url: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
    "/rest/v1/targets/{id}/reduced-datums": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A target's reduced datums in time order */
        get: {
            parameters: {
                query?: {
                    /** @description e.g. photometry */
                    data_type?: string;
                    limit?: number;
                    offset?: number;
                    /** @description At or after this time. */
                    since?: string;
                    /** @description Before this time. */
                    until?: string;
                };
                header?: never;
                path: {
                    id: number;
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
                            count: number;
                            results: components["schemas"]["ReducedDatum"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add photometry to a target (owner or staff): one datum per {timestamp, magnitude, error} */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data_product_id?: number | null;
                        datums: {
                            error: number;
                            magnitude: number;
                            /**
                             * Format: date-time
                             * @description When the measurement was taken (with a time zone).
                             */
                            timestamp: string;
                        }[];
                        /** @description Where the values come from, e.g. a catalogue or an observer. */
                        source_name?: string;
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
                            count: number;
                            results: components["schemas"]["ReducedDatum"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by created_at, name, expires_at, last_used_at; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "created_at" | "-created_at" | "name" | "-name" | "expires_at" | "-expires_at" | "last_used_at" | "-last_used_at";
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
                            count: number;
                            results: components["schemas"]["ApiToken"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token (the token is shown only in this answer) */
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
                        /** Format: date-time */
                        expires_at?: string | null;
                        name: string;
                        /** @default read */
                        scope: "read" | "write";
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
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: number;
                            /** Format: date-time */
                            last_used_at: string | null;
                            name: string;
                            /** @description The first characters of the token, to tell tokens apart. */
                            prefix: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                            scope: "read" | "write";
                            token: string;
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
    "/rest/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: number;
                            /** Format: date-time */
                            last_used_at: string | null;
                            name: string;
                            /** @description The first characters of the token, to tell tokens apart. */
                            prefix: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                            scope: "read" | "write";
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
    "/rest/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (staff) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Sort by username, full_name, created_at, id; a leading "-" sorts descending. Ties are broken by id. */
                    ordering?: "username" | "-username" | "full_name" | "-full_name" | "created_at" | "-created_at" | "id" | "-id";
                    /** @description Case-insensitive text found anywhere in the username, full name or email. */
                    search?: string;
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
                            count: number;
                            results: components["schemas"]["User"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user (staff) */
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
                        email?: string;
                        full_name?: string;
                        is_active?: boolean;
                        is_staff?: boolean;
                        password?: string;
                        username: string;
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
                            email: string;
                            full_name: string;
                            id: number;
                            is_active: boolean;
                            is_staff: boolean;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            full_name: string;
                            id: number;
                            is_active: boolean;
                            is_staff: boolean;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
        /** Change a user (staff); deactivating ends their sessions, a new password also revokes their API tokens */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string;
                        full_name?: string;
                        is_active?: boolean;
                        is_staff?: boolean;
                        password?: string;
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
                            email: string;
                            full_name: string;
                            id: number;
                            is_active: boolean;
                            is_staff: boolean;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/rest/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a directory or identity-provider account locally (staff): it cannot sign in, its sessions end and its API tokens stop working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Where the password lives. */
                            auth_source: "local" | "ldap" | "oidc";
                            /**
                             * Format: date-time
                             * @description When staff disabled the account locally; null when not disabled.
                             */
                            disabled_at: string | null;
                            /** @description What the identity mapping granted at the last sign-in. */
                            links: {
                                /** Format: date-time */
                                created_at: string;
                                kind: "staff" | "project" | "telescope";
                                /** @description The project username, the telescope group, or "staff". */
                                name: string;
                            }[];
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a local disable (staff); the account becomes active again at its next sign-in, with what the mapping then grants */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Where the password lives. */
                            auth_source: "local" | "ldap" | "oidc";
                            /**
                             * Format: date-time
                             * @description When staff disabled the account locally; null when not disabled.
                             */
                            disabled_at: string | null;
                            /** @description What the identity mapping granted at the last sign-in. */
                            links: {
                                /** Format: date-time */
                                created_at: string;
                                kind: "staff" | "project" | "telescope";
                                /** @description The project username, the telescope group, or "staff". */
                                name: string;
                            }[];
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
                            };
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
    "/rest/v1/users/{id}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a user signs in and what the identity mapping linked them to (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            /** @description Where the password lives. */
                            auth_source: "local" | "ldap" | "oidc";
                            /**
                             * Format: date-time
                             * @description When staff disabled the account locally; null when not disabled.
                             */
                            disabled_at: string | null;
                            /** @description What the identity mapping granted at the last sign-in. */
                            links: {
                                /** Format: date-time */
                                created_at: string;
                                kind: "staff" | "project" | "telescope";
                                /** @description The project username, the telescope group, or "staff". */
                                name: string;
                            }[];
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            fields?: {
                                [key: string]: string[];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessList: {
            active: boolean;
            /** @description The server's IP address; the server reads its list from /api/v2/accesslist/. */
            address: string;
            beamline_ids: number[];
            /** Format: date-time */
            created_at: string;
            description: string;
            id: number;
            name: string;
            project_ids: number[];
            /** Format: date-time */
            updated_at: string;
        };
        ApiToken: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
            id: number;
            /** Format: date-time */
            last_used_at: string | null;
            name: string;
            /** @description The first characters of the token, to tell tokens apart. */
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
            scope: "read" | "write";
        };
        Automounter: {
            active: boolean;
            beamline: string;
            beamline_id: number;
            /** @description The automounter itself, as a container whose slots take pucks, cassettes or adaptors. */
            container_id: number;
            container_type: string;
            id: number;
            name: string;
            staff_comments: string;
            /** Format: date-time */
            updated_at: string;
        };
        AutomounterLoad: {
            container: string;
            container_id: number;
            /** Format: date-time */
            ended_at: string | null;
            id: number;
            location: string;
            project_id: number | null;
            staff_user_id: number | null;
            /** Format: date-time */
            started_at: string;
        };
        Beamline: {
            /** @description The name MxDC uses in its URLs. */
            acronym: string;
            active: boolean;
            contact_phone: string;
            energy_hi: number;
            energy_lo: number;
            id: number;
            name: string;
        };
        BeamlineSession: {
            beamline: string;
            beamline_id: number;
            comments: string;
            /** Format: date-time */
            created_at: string;
            /** @description Datasets recorded in the session. */
            dataset_count: number;
            /** @description The same, as MxDC shows it ("2 hours 5 mins"). */
            duration: string;
            /** @description Total time of all stretches, an open one counting up to now. */
            duration_seconds: number;
            /** @description Whether its download links serve files: false when its directory was outside the configured data roots (those links answer 404). */
            has_files: boolean;
            id: number;
            /** @description A stretch is open. */
            is_active: boolean;
            name: string;
            /** @description The project's name (its owner's username). */
            project: string;
            project_id: number;
            /** @description The Data Proxy key of the session's directory. */
            proxy_key: string | null;
            /** @description Reports on those datasets. */
            report_count: number;
            /** @description Newest first. */
            stretches: {
                /** Format: date-time */
                ended_at: string | null;
                id: number;
                /** Format: date-time */
                started_at: string;
            }[];
        };
        Container: {
            comments: string;
            container_type: string;
            container_type_id: number;
            /** Format: date-time */
            created_at: string;
            id: number;
            /** @description Its slot in the parent. */
            location: string | null;
            name: string;
            /** @description The container this one sits in. */
            parent_id: number | null;
            priority: number;
            /** @description Null for facility equipment (automounters). */
            project_id: number | null;
            shipment_id: number | null;
            state: string;
            /** Format: date-time */
            updated_at: string;
        };
        ContainerLoad: {
            child_id: number;
            /** Format: date-time */
            ended_at: string | null;
            id: number;
            location: string;
            parent: string;
            parent_id: number;
            staff_user_id: number | null;
            /** Format: date-time */
            started_at: string;
        };
        ContainerType: {
            envelope: string;
            height: number;
            id: number;
            locations: {
                /** @description Container types this location holds; empty when it holds a sample. */
                accepts: string[];
                name: string;
                x: number;
                y: number;
            }[];
            name: string;
            radius: number;
        };
        Dataset: {
            attenuation: number;
            beam_size: number | null;
            beamline: string;
            beamline_id: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            end_time: string | null;
            energy: number;
            exposure_time: number | null;
            file_name: string;
            frames: string;
            frames_per_file: number;
            /** @description The group's name. */
            group: string | null;
            group_id: number | null;
            /** @description Whether its download links serve files: false when its directory was outside the configured data roots (those links answer 404). */
            has_files: boolean;
            id: number;
            meta_data: {
                [key: string]: unknown;
            };
            name: string;
            num_frames: number;
            project_id: number;
            /** @description The Data Proxy key of the dataset's directory. */
            proxy_key: string;
            /** @description The sample's name. */
            sample: string | null;
            sample_id: number | null;
            /** @description The session's name. */
            session: string | null;
            session_id: number | null;
            /** Format: date-time */
            start_time: string | null;
            state: string;
            /** @description The data type acronym: SCREEN, DATA, XRD, RASTER, XAS, XRF, MAD. */
            type: string;
            /** Format: date-time */
            updated_at: string;
        };
        Job: {
            attempts: number;
            created_at: string;
            finished_at: string | null;
            id: number;
            last_error: string | null;
            max_attempts: number;
            result: unknown;
            started_at: string | null;
            state: "queued" | "running" | "succeeded" | "failed";
            type: string;
            worker: string | null;
        };
        LimsActivity: {
            action: string;
            address: string | null;
            /** Format: date-time */
            created_at: string;
            description: string;
            id: number;
            object_id: number | null;
            object_type: string;
            project_id: number | null;
            user_id: number | null;
            /** @description Who did it; null when no account did (e.g. MxDC). */
            username: string | null;
        };
        LimsProject: {
            /** @description at most 100 characters */
            account_number: string;
            /** @description at most 600 characters */
            address: string;
            /** @description at most 100 characters */
            carrier: string;
            /** @description at most 200 characters */
            city: string;
            /** @description at most 300 characters */
            contact_email: string;
            /** @description at most 200 characters */
            contact_person: string;
            /** @description at most 60 characters */
            contact_phone: string;
            /** @description at most 100 characters */
            country: string;
            /** Format: date-time */
            created_at: string;
            /** @description at most 300 characters */
            department: string;
            email: string;
            full_name: string;
            /** @description Whether MxDC has registered its key; staff reset it to let MxDC register a new one. */
            has_mxdc_key: boolean;
            id: number;
            /** @description at most 300 characters */
            organisation: string;
            /** @description at most 30 characters */
            postal_code: string;
            /** @description at most 200 characters */
            province: string;
            /** Format: date-time */
            updated_at: string;
            user_id: number;
            username: string;
        };
        Observation: {
            /** @description Email alerts waiting on its data. */
            alerts: number;
            created_at: string;
            /** @description Data products fetched from it. */
            data_products: number;
            facility: string;
            id: number;
            /** @description The facility's own id (an LCO request id). */
            observation_id: string;
            /** @description The form values it was submitted with. */
            parameters: {
                [key: string]: unknown;
            };
            scheduled_end: string | null;
            scheduled_start: string | null;
            /** @description The facility's state, "" until first checked. */
            status: string;
            target_id: number;
            target_name: string;
            updated_at: string;
        };
        ObservationTemplate: {
            created_at: string;
            facility: string;
            fields: {
                [key: string]: unknown;
            };
            id: number;
            name: string;
            target_id: number;
            target_name: string;
        };
        OwnProject: {
            full_name: string;
            has_mxdc_key: boolean;
            id: number;
            /** @description The project's name: its owner's username, as MxDC knows it. */
            username: string;
        };
        Pipeline: {
            /** @description File name endings it accepts; null: any. */
            allowed_suffixes: string[] | null;
            flags: {
                default: boolean;
                label: string;
                name: string;
            }[];
            name: string;
            process_type: string;
            /** @description Settings a run may give, with their defaults (Timelapse only). */
            settings: {
                [key: string]: unknown;
            } | null;
            /** @description Prefix of its process identifiers. */
            short_name: string;
        };
        ProjectRemoteConnection: {
            /** @description The name of the remote-access list (server) it came through. */
            access_list: string;
            access_list_id: number;
            /** @description That server's address. */
            address: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            ended_at: string | null;
            id: number;
            /** @description The connection's name, as the server reported it. */
            name: string;
            project_id: number;
            /** @description Connected, Disconnected, Failed or Finished, as the server reported. */
            status: string;
            /** @description The project's (owner's) username. */
            username: string;
        };
        ProxyKey: {
            /** Format: date-time */
            created_at: string;
            key: string;
            /** @description The path was outside the data roots when the key was asked for: the key serves no files, and its URLs answer 404 saying so. */
            outside_roots: boolean;
            /** @description The directory the key hands out. */
            path: string;
            /** Format: date-time */
            revoked_at: string | null;
        };
        ReducedDatum: {
            data_product_id: number | null;
            data_type: string;
            id: number;
            /** @description The observation whose frame it was measured from (its id in /targets/{id}/observations), if any. */
            observation_record_id: number | null;
            source_location: string;
            source_name: string;
            target_id: number;
            /** Format: date-time */
            timestamp: string;
            /** @description For photometry: {"magnitude", "error"} (and "filter" from the Photometry pipeline). */
            value: {
                [key: string]: unknown;
            };
        };
        RemoteConnection: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            ended_at: string | null;
            id: number;
            name: string;
            project_id: number;
            /** @description Connected, Disconnected, Failed or Finished, as the server reported. */
            status: string;
            username: string;
        };
        Report: {
            /** Format: date-time */
            created_at: string;
            /** @description The datasets the report covers. */
            data_ids: number[];
            id: number;
            kind: string;
            name: string;
            project_id: number;
            /** @description The Data Proxy key of the report's directory. */
            proxy_key: string;
            score: number;
            state: string;
            /** Format: date-time */
            updated_at: string;
        };
        Sample: {
            barcode: string | null;
            collect_status: boolean;
            comments: string | null;
            container: string;
            container_id: number;
            /** Format: date-time */
            created_at: string;
            group: string | null;
            group_id: number | null;
            id: number;
            location: string;
            name: string;
            priority: number | null;
            project_id: number;
            /** Format: date-time */
            updated_at: string;
        };
        SampleGroup: {
            absorption_edge: string;
            comments: string;
            /** Format: date-time */
            created_at: string;
            energy: number | null;
            id: number;
            kind: string;
            name: string;
            plan: string;
            priority: number | null;
            project_id: number;
            resolution: number | null;
            shipment_id: number | null;
            state: string;
            /** Format: date-time */
            updated_at: string;
        };
        SessionFeedback: {
            beamline: string;
            beamline_id: number;
            comments: string;
            /** @description The user would like to be contacted about the session. */
            contact: boolean;
            /** Format: date-time */
            created_at: string;
            id: number;
            /** @description The project's (owner's) username. */
            project: string;
            project_id: number;
            /** @description In survey order. */
            ratings: {
                area: string;
                area_id: number;
                /** @description From -2 (worst) to 2 (best) with no middle: -2, -1, 1 or 2. 0 is refused. */
                rating: number | null;
            }[];
            session: string;
            session_id: number;
        };
        Shipment: {
            carrier: string;
            comments: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            date_received: string | null;
            /** Format: date-time */
            date_returned: string | null;
            /** Format: date-time */
            date_shipped: string | null;
            id: number;
            name: string;
            project_id: number;
            return_code: string;
            state: string;
            storage_location: string;
            tracking_code: string;
            /** Format: date-time */
            updated_at: string;
        };
        SshKey: {
            /** Format: date-time */
            created_at: string;
            /** @description MD5 of the key text as colon-separated hex, as MxLIVE showed it. */
            fingerprint: string;
            id: number;
            key: string;
            name: string;
            project_id: number;
            /** Format: date-time */
            updated_at: string;
        };
        SupportArea: {
            /** @description Only active areas are on the survey. */
            active: boolean;
            /** Format: date-time */
            created_at: string;
            description: string;
            id: number;
            name: string;
            /** @description The survey lists areas by this, then by name. */
            sort_order: number;
            /** Format: date-time */
            updated_at: string;
        };
        Target: {
            arg_of_perihelion: number | null;
            /** Format: date-time */
            created_at: string;
            dec: number | null;
            eccentricity: number | null;
            epoch: number | null;
            epoch_of_elements: number | null;
            epoch_of_perihelion: number | null;
            extra_fields: {
                [key: string]: unknown;
            };
            id: number;
            identifier: string;
            inclination: number | null;
            kind: "sidereal" | "non_sidereal";
            lng_asc_node: number | null;
            mean_anomaly: number | null;
            mean_daily_motion: number | null;
            name: string;
            name2: string;
            name3: string;
            /** @description Username of the owner. */
            owner: string | null;
            parallax: number | null;
            perihdist: number | null;
            pm_dec: number | null;
            pm_ra: number | null;
            public: boolean;
            ra: number | null;
            scheme: ("MPC_MINOR_PLANET" | "MPC_COMET" | "JPL_MAJOR_PLANET") | (never | null);
            semimajor_axis: number | null;
            /** @description The preview of the target's newest FITS frame that has one (the last frame of its next timelapse); null when none. */
            thumbnail_url: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        User: {
            email: string;
            full_name: string;
            id: number;
            is_active: boolean;
            is_staff: boolean;
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
