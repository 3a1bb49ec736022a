# Reference values for src/models/{kaplan-meier,aalen-johansen,log-rank}.ts from R's survival package.
# Run from the repository root:  Rscript test/reference/survival.R
# Steps: (1) write the synthetic fixture (fixed seed and formula) unless it exists; (2) fit every fixture in
# test/fixtures/survival/ with survfit / survdiff / coxph; (3) write CSVs and versions.json into
# test/reference/survival/. Numbers are printed with 17 significant digits; NA and NaN print as "NA".
suppressPackageStartupMessages(library(survival))

fixtures <- "test/fixtures/survival"
out <- "test/reference/survival"
if (!dir.exists(fixtures)) stop("run this script from the repository root (test/fixtures/survival not found)")
dir.create(out, showWarnings = FALSE, recursive = TRUE)

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

# (1) Synthetic retention data, 200 people: 40% joined before the window (entry = service years at the
# window start, uniform 0-8), the rest join in it (entry 0). Exit hazards per year: resigned 0.12 for F,
# 0.08 for M (entry route has no effect); other exits 0.05; censored after a follow-up uniform 0.5-5 years. Times rounded to 0.01
# years (so ties occur) and kept strictly after entry.
synthetic <- file.path(fixtures, "synthetic-200.csv")
if (!file.exists(synthetic)) {
  set.seed(20240601)
  n <- 200
  sex <- sample(c("F", "M"), n, replace = TRUE)
  route <- sample(c("degree", "direct", "transferee"), n, replace = TRUE)
  entry <- ifelse(runif(n) < 0.4, round(runif(n, 0, 8), 2), 0)
  t_res <- entry + rexp(n, ifelse(sex == "F", 0.12, 0.08))
  t_oth <- entry + rexp(n, 0.05)
  t_cen <- entry + runif(n, 0.5, 5)
  time <- pmax(round(pmin(t_res, t_oth, t_cen), 2), entry + 0.01)
  cause <- ifelse(t_cen <= pmin(t_res, t_oth), NA, ifelse(t_res < t_oth, "resigned", "other"))
  write.csv(data.frame(person_id = sprintf("s%03d", 1:n), sex = sex, route = route, entry_years = entry,
                       time_years = time, event = as.integer(!is.na(cause)), cause = cause),
            synthetic, row.names = FALSE, na = "", quote = FALSE)
}

# (2) Kaplan–Meier: every fixture × curve × conf.type; weighted fits use survfit(robust = FALSE) so the
# variance is Greenwood's with weighted counts (R's default for integer weights).
km_rows <- list(); median_rows <- list()
km <- function(fixture, curve, d, time, entry = NULL, weighted = FALSE, level = 0.95) {
  y <- if (is.null(entry)) Surv(d[[time]], d$event) else Surv(d[[entry]], d[[time]], d$event)
  w <- if (weighted) d$weight else rep(1, nrow(d))
  for (ct in c("log", "log-log", "plain")) {
    f <- survfit(y ~ 1, weights = w, conf.type = ct, conf.int = level, robust = FALSE)
    key <- data.frame(fixture = fixture, curve = curve, conf_type = ct, conf_level = level,
                      weighted = weighted)
    km_rows[[length(km_rows) + 1]] <<- cbind(key, data.frame(
      time = f$time, n_risk = f$n.risk, n_event = f$n.event, n_censor = f$n.censor,
      surv = f$surv, std_err = f$std.err, lower = f$lower, upper = f$upper))
    tab <- summary(f)$table
    median_rows[[length(median_rows) + 1]] <<- cbind(key, data.frame(
      median = tab[["median"]], lower = tab[[paste0(level, "LCL")]],
      upper = tab[[paste0(level, "UCL")]]))
  }
}
aml <- read_fixture("aml.csv")
km("aml", "all", aml, "time_weeks")
km("aml", "all", aml, "time_weeks", level = 0.9)
for (g in unique(aml$group)) km("aml", g, aml[aml$group == g, ], "time_weeks")
ties <- read_fixture("ties.csv")
km("ties", "all", ties, "time_years")
km("ties", "all", ties, "time_years", weighted = TRUE)
tr <- read_fixture("truncated.csv")
km("truncated", "all", tr, "time_years", "entry_years")
km("truncated", "all", tr, "time_years", "entry_years", weighted = TRUE)
for (g in c("A", "B")) km("truncated", g, tr[tr$group == g, ], "time_years", "entry_years")
syn <- read_fixture("synthetic-200.csv")
km("synthetic-200", "all", syn, "time_years", "entry_years")
for (g in c("F", "M")) km("synthetic-200", g, syn[syn$sex == g, ], "time_years", "entry_years")
write_ref(km_rows, "km.csv")
write_ref(median_rows, "km-median.csv")

# Aalen–Johansen: multi-state survfit with a factor status (first level = censored) and one id per row;
# the standard errors are R's default infinitesimal jackknife.
aj_rows <- list()
aj <- function(fixture, d, weighted = FALSE, ct = "log") {
  causes <- sort(unique(d$cause[!is.na(d$cause)]))
  status <- factor(ifelse(is.na(d$cause), "censored", d$cause), levels = c("censored", causes))
  w <- if (weighted) d$weight else rep(1, nrow(d))
  f <- survfit(Surv(d$entry_years, d$time_years, status) ~ 1, id = d$person_id, weights = w,
               conf.type = ct)
  for (k in causes) {
    col <- match(k, f$states)
    aj_rows[[length(aj_rows) + 1]] <<- data.frame(
      fixture = fixture, event = k, conf_type = ct, weighted = weighted, time = f$time,
      n_risk = f$n.risk[, 1],
      n_censor = f$n.censor, surv = f$pstate[, 1], surv_std_err = f$std.err[, 1],
      cif = f$pstate[, col], std_err = f$std.err[, col], lower = f$lower[, col], upper = f$upper[, col])
  }
}
aj("truncated", tr)
aj("truncated", tr, weighted = TRUE)
aj("synthetic-200", syn)
aj("synthetic-200", syn, ct = "log-log")
aj("synthetic-200", syn, ct = "plain")
write_ref(aj_rows, "aj.csv")

# Log-rank: survdiff for right-censored data; with delayed entry the score test of coxph(ties = "exact"),
# and for comparison the Efron (coxph default) score test, which differs when exit times are tied.
lr_rows <- list()
logrank <- function(fixture, d, time, group, entry = NULL) {
  g <- factor(d[[group]])
  if (is.null(entry)) {
    s <- survdiff(Surv(d[[time]], d$event) ~ g)
    lr_rows[[length(lr_rows) + 1]] <<- data.frame(
      fixture = fixture, method = "survdiff", group = levels(g), n = as.vector(s$n),
      observed = s$obs, expected = s$exp, variance = diag(s$var), chisq = s$chisq,
      df = length(levels(g)) - 1, p_value = s$pvalue)
    y <- Surv(d[[time]], d$event)
  } else {
    y <- Surv(d[[entry]], d[[time]], d$event)
  }
  for (ties in c("exact", "efron")) {
    f <- coxph(y ~ g, ties = ties)
    df <- length(levels(g)) - 1
    lr_rows[[length(lr_rows) + 1]] <<- data.frame(
      fixture = fixture, method = paste0("coxph_score_", ties), group = levels(g),
      n = as.vector(table(g)), observed = NA, expected = NA, variance = NA, chisq = f$score,
      df = df, p_value = pchisq(f$score, df, lower.tail = FALSE))
  }
}
logrank("aml", aml, "time_weeks", "group")
logrank("synthetic-200", syn, "time_years", "sex")
logrank("synthetic-200-route", syn, "time_years", "route")
logrank("truncated", tr, "time_years", "group", "entry_years")
logrank("synthetic-200-entry", syn, "time_years", "sex", "entry_years")
write_ref(lr_rows, "logrank.csv")

# (3) Which R produced these files.
writeLines(sprintf('{\n  "r_version": "%s",\n  "survival_version": "%s"\n}',
                   R.version.string, as.character(packageVersion("survival"))),
           file.path(out, "versions.json"))
