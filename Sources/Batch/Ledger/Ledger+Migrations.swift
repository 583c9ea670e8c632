import GRDB

extension Ledger {
    /// The schema, as a list of migrations from the first release. Never edit a released
    /// migration: add a new one (`v2-...`), and the ledgers in the field follow.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-initial") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job TEXT NOT NULL,
                        period TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        ended_at TEXT,
                        -- running | completed | unchanged | failed | interrupted
                        outcome TEXT NOT NULL,
                        exit_code INTEGER,
                        fingerprint TEXT,
                        files INTEGER NOT NULL DEFAULT 0,
                        new_files INTEGER NOT NULL DEFAULT 0,
                        accepted INTEGER NOT NULL DEFAULT 0,
                        rejected INTEGER NOT NULL DEFAULT 0,
                        unreadable INTEGER NOT NULL DEFAULT 0,
                        superseded INTEGER NOT NULL DEFAULT 0,
                        missing INTEGER NOT NULL DEFAULT 0,
                        expected INTEGER NOT NULL DEFAULT 0,
                        workbook TEXT,
                        message TEXT
                    );
                    CREATE INDEX runs_job_period ON runs(job, period);

                    CREATE TABLE submissions (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        hash TEXT NOT NULL,
                        file TEXT NOT NULL,
                        unit TEXT,
                        period TEXT,
                        received_at TEXT NOT NULL,
                        modified_at REAL NOT NULL,
                        size INTEGER NOT NULL,
                        -- accepted | accepted-with-warnings | rejected | unreadable
                        status TEXT NOT NULL,
                        errors INTEGER NOT NULL,
                        warnings INTEGER NOT NULL,
                        infos INTEGER NOT NULL,
                        superseded_by INTEGER REFERENCES submissions(id),
                        first_run INTEGER NOT NULL REFERENCES runs(id),
                        last_run INTEGER NOT NULL REFERENCES runs(id),
                        UNIQUE (hash, file)
                    );
                    CREATE INDEX submissions_unit_period ON submissions(unit, period);

                    CREATE TABLE figures (
                        submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
                        unit TEXT NOT NULL,
                        period TEXT NOT NULL,
                        indicator TEXT NOT NULL,
                        "column" TEXT NOT NULL,
                        value REAL NOT NULL,
                        PRIMARY KEY (submission_id, indicator, "column")
                    );
                    CREATE INDEX figures_unit_period ON figures(unit, period, indicator);

                    CREATE TABLE issues (
                        submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
                        seq INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        sheet TEXT,
                        cell TEXT,
                        expected TEXT,
                        found TEXT,
                        params TEXT NOT NULL,
                        PRIMARY KEY (submission_id, seq)
                    );

                    CREATE TABLE outputs (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        path TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        PRIMARY KEY (run_id, path)
                    );

                    -- The figures a consolidation of the period uses: accepted, not superseded.
                    CREATE VIEW current_figures AS
                        SELECT f.unit, f.period, f.indicator, f."column", f.value, s.file, s.hash
                        FROM figures f JOIN submissions s ON s.id = f.submission_id
                        WHERE s.superseded_by IS NULL
                          AND s.status IN ('accepted', 'accepted-with-warnings');
                    """)
        }
        // Periods and history: when each submission counts as received (its receipt, else
        // its file time, as first seen), and the province's approvals of a unit's figures.
        m.registerMigration("v2-history") { db in
            try db.execute(
                sql: """
                    ALTER TABLE submissions ADD COLUMN received INTEGER;
                    ALTER TABLE submissions ADD COLUMN received_offset INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE submissions ADD COLUMN received_via TEXT NOT NULL DEFAULT 'file-time';
                    UPDATE submissions SET received = CAST(modified_at AS INTEGER);
                    CREATE INDEX submissions_period_unit ON submissions(period, unit);

                    -- An approval holds a unit's figures for a period: a later file is held
                    -- for review until `approve` (of the new file) or `reopen`.
                    CREATE TABLE approvals (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        unit TEXT NOT NULL,
                        period TEXT NOT NULL,
                        submission_id INTEGER NOT NULL REFERENCES submissions(id),
                        approved_at TEXT NOT NULL,
                        approved_by TEXT NOT NULL,
                        reopened_at TEXT,
                        reopened_by TEXT,
                        note TEXT
                    );
                    CREATE INDEX approvals_unit_period ON approvals(unit, period);
                    """)
        }
        // The upload server (`tonghop serve`, `tonghop links`): each unit's and the province's
        // link for a period, kept only as the SHA-256 of its token, revocable; and every
        // upload through a link with what validation made of it (a rejected upload is not
        // placed in the inbox, so this is the only trace of it).
        m.registerMigration("links-1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE links (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job TEXT NOT NULL,
                        period TEXT NOT NULL,
                        -- NULL: the province's link
                        unit TEXT,
                        token_sha256 TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    CREATE INDEX links_job_period_unit ON links(job, period, unit);

                    CREATE TABLE uploads (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        link_id INTEGER NOT NULL REFERENCES links(id),
                        unit TEXT NOT NULL,
                        period TEXT NOT NULL,
                        -- the name it was placed under in the inbox; NULL when not placed
                        file TEXT,
                        -- the name the browser sent, shown only, never used as a path
                        sent_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        received INTEGER NOT NULL,
                        received_offset INTEGER NOT NULL,
                        -- accepted | accepted-with-warnings | rejected | unreadable
                        status TEXT NOT NULL,
                        errors INTEGER NOT NULL,
                        warnings INTEGER NOT NULL
                    );
                    CREATE INDEX uploads_unit_period ON uploads(unit, period);
                    """)
        }
        return m
    }
}
