# Reference values for Gray's test (src/stats/survival/gray-test.ts) and the cause-specific log-rank
# (src/transforms/leavers/retention-compare.ts) from R's cmprsk and survival packages.
# Run from the repository root:  Rscript test/reference/competing-risks.R
# Steps: (1) read the fixtures: competing.csv (22 people, 3 groups, tied times across causes) and the
# people of synthetic-200.csv followed from time 0 (entry_years = 0; Gray's test has no delayed entry);
# (2) cmprsk::cuminc's Gray test for every cause, rho 0 and 1; (3) the log-rank of the cause-specific
# hazard (the other causes censored): survdiff, and with delayed entry the exact-ties Cox score test
# on all 200 people; (4) write CSVs (17 significant digits) and versions into test/reference/survival/.
suppressPackageStartupMessages({ library(survival); library(cmprsk) })

fixtures <- "test/fixtures/survival"
out <- "test/reference/survival"
if (!dir.exists(fixtures)) stop("run this script from the repository root (test/fixtures/survival not found)")
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_ref <- function(rows, name) {
  df <- do.call(rbind, rows)
  num <- vapply(df, is.numeric, logical(1))
  df[num] <- lapply(df[num], fmt)
  write.table(df, file.path(out, name), sep = ",", quote = FALSE, row.names = FALSE)
}
read_fixture <- function(name) {
  read.csv(file.path(fixtures, name), colClasses = c(person_id = "character"),
           na.strings = "", stringsAsFactors = FALSE)
}

# (1) Fixtures; cuminc codes censoring as cencode, here "censored".
comp <- read_fixture("competing.csv")
syn <- read_fixture("synthetic-200.csv")
syn0 <- syn[syn$entry_years == 0, ]
status <- function(cause) ifelse(is.na(cause), "censored", cause)

# (2) Gray's test: one row per fixture x grouping x rho x cause.
gray_rows <- list()
gray <- function(name, d, time, group, rho = 0) {
  ci <- cuminc(d[[time]], status(d$cause), d[[group]], rho = rho, cencode = "censored")
  tests <- ci$Tests
  for (cause in rownames(tests)) {
    gray_rows[[length(gray_rows) + 1]] <<- data.frame(
      fixture = name, group = group, rho = rho, event = cause,
      chisq = tests[cause, "stat"], p_value = tests[cause, "pv"], df = tests[cause, "df"])
  }
}
gray("competing", comp, "time_years", "group")
gray("competing", comp, "time_years", "group", rho = 1)
gray("synthetic-200-entry0", syn0, "time_years", "sex")
gray("synthetic-200-entry0", syn0, "time_years", "route")
gray("synthetic-200-entry0", syn0, "time_years", "route", rho = 1)
write_ref(gray_rows, "gray.csv")

# (3) Cause-specific log-rank: an exit of `event` is the event, every other exit is censored.
cs_rows <- list()
cause_specific <- function(name, d, time, group, event, entry = NULL) {
  g <- factor(d[[group]])
  e <- as.integer(!is.na(d$cause) & d$cause == event)
  if (is.null(entry)) {
    s <- survdiff(Surv(d[[time]], e) ~ g)
    cs_rows[[length(cs_rows) + 1]] <<- data.frame(
      fixture = name, group_by = group, event = event, method = "survdiff", group = levels(g),
      n = as.vector(s$n), observed = s$obs, expected = s$exp, chisq = s$chisq,
      df = length(levels(g)) - 1, p_value = s$pvalue)
  } else {
    f <- coxph(Surv(d[[entry]], d[[time]], e) ~ g, ties = "exact")
    df <- length(levels(g)) - 1
    cs_rows[[length(cs_rows) + 1]] <<- data.frame(
      fixture = name, group_by = group, event = event, method = "coxph_score_exact",
      group = levels(g), n = as.vector(table(g)), observed = NA, expected = NA, chisq = f$score,
      df = df, p_value = pchisq(f$score, df, lower.tail = FALSE))
  }
}
cause_specific("competing", comp, "time_years", "group", "resigned")
cause_specific("synthetic-200-entry0", syn0, "time_years", "sex", "resigned")
cause_specific("synthetic-200", syn, "time_years", "sex", "resigned", entry = "entry_years")
write_ref(cs_rows, "cause-specific-logrank.csv")

# (4) Which R produced these files.
writeLines(sprintf('{\n  "r_version": "%s",\n  "survival_version": "%s",\n  "cmprsk_version": "%s"\n}',
                   R.version.string, as.character(packageVersion("survival")),
                   as.character(packageVersion("cmprsk"))),
           file.path(out, "versions-competing.json"))
