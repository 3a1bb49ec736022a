# Reference values for src/models (fitLogistic, fitCox) from R's glm and survival::coxph / cox.zph.
# Run from the repository root: Rscript test/reference/regression.R && npx prettier --write test/reference/regression
# (prettier only re-indents the JSON; every number keeps its 17 digits).
# Reads test/fixtures/regression/*.csv, writes one JSON file per model to test/reference/regression/.
# Steps: read fixtures -> fit glm(binomial) and coxph (Efron, once Breslow) -> cox.zph -> write JSON.
# Only base R and the recommended package survival are used (no jsonlite here): see to_json() below.

suppressPackageStartupMessages(library(survival))
fixtures <- "test/fixtures/regression"
out_dir <- "test/reference/regression"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

tiny <- read.csv(file.path(fixtures, "tiny-ties.csv"), colClasses = c(person_id = "character"))
large <- read.csv(file.path(fixtures, "leavers-synthetic.csv"), colClasses = c(person_id = "character"))

# ---- minimal JSON writer: 17 significant digits so nothing is lost in the round trip ----
num <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, "1e999", "-1e999"),
                                                   sprintf("%.17g", v)))
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x) && !is.null(names(x))) {
    items <- vapply(names(x), function(k) paste0(inner, "\"", k, "\": ", to_json(x[[k]], inner)), "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(x)) return(paste0("[", paste(vapply(x, to_json, "", indent = inner), collapse = ", "), "]"))
  if (is.matrix(x)) return(to_json(lapply(seq_len(nrow(x)), function(i) unname(x[i, ])), indent))
  vals <- if (is.character(x)) paste0("\"", x, "\"") else if (is.logical(x)) tolower(x) else num(x)
  if (inherits(x, "AsIs") || length(x) != 1) paste0("[", paste(vals, collapse = ", "), "]") else vals
}
write_json <- function(x, name) {
  x <- c(list(r_version = R.version.string, survival_version = as.character(packageVersion("survival"))), x)
  writeLines(to_json(x), file.path(out_dir, paste0(name, ".json")))
}

# ---- logistic regression: glm(binomial) at its maximum-likelihood estimate ----
# summary.glm takes standard errors from the QR of the last weighted least-squares fit, whose
# weights belong to the iterate before the estimate: with the default glm.control(epsilon = 1e-8)
# the slope's variance on tiny-ties.csv is 2.3333310 instead of 7/3 (1e-6 relative off), and even
# at epsilon = 1e-14 the SEs on the 365-row fixture are 1e-8 off. fitLogistic reports the inverse
# Fisher information at the estimate, so the reference refits from glm's own estimate
# (start = coef(first fit)): one more IRLS step whose weights are those at the estimate.
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
at_estimate <- function(first) update(first, start = coef(first))
glm_json <- function(fit, call_text, newdata) {
  s <- summary(fit)$coefficients
  ci <- confint.default(fit)
  list(
    call = call_text, control = "glm.control(epsilon = 1e-14, maxit = 100), refitted with start = its own estimate", terms = I(rownames(s)),
    estimate = I(unname(s[, 1])), std_error = I(unname(s[, 2])), z_value = I(unname(s[, 3])),
    p_value = I(unname(s[, 4])), conf_low = I(unname(ci[, 1])), conf_high = I(unname(ci[, 2])),
    odds_ratio = I(unname(exp(s[, 1]))),
    deviance = fit$deviance, null_deviance = fit$null.deviance, aic = fit$aic,
    df_residual = fit$df.residual, df_null = fit$df.null, iterations = fit$iter,
    converged = fit$converged,
    vcov = unname(vcov(fit)),
    # predictions for the first six rows, on both scales (predictLogistic)
    predict_link = I(unname(predict(fit, newdata = newdata, type = "link"))),
    predict_response = I(unname(predict(fit, newdata = newdata, type = "response")))
  )
}

fit <- at_estimate(glm(left ~ night_shift, family = binomial, data = tiny, control = ctl))
write_json(glm_json(fit, "glm(left ~ night_shift, family = binomial, data = tiny)", tiny), "glm-tiny")

fit <- at_estimate(glm(left_24m ~ age_years + overtime_hours_month + worker_type + high_risk_role,
                       family = binomial, data = large, control = ctl))
write_json(glm_json(fit, "glm(left_24m ~ age_years + overtime_hours_month + worker_type + high_risk_role, family = binomial, data = large)",
                    head(large)), "glm-large")

fit <- at_estimate(glm(left_24m ~ age_years + overtime_hours_month + worker_type + high_risk_role,
                       family = binomial, data = large, weights = weight, offset = log_exposure_months,
                       control = ctl))
# predict() on new data adds the offset from the data, so the first rows include it.
write_json(glm_json(fit, "glm(left_24m ~ age_years + overtime_hours_month + worker_type + high_risk_role, family = binomial, data = large, weights = weight, offset = log_exposure_months)",
                    head(large)), "glm-large-weighted-offset")

# ---- Cox proportional hazards: coxph, default control (eps 1e-9, iter.max 20) ----
cox_json <- function(fit, call_text) {
  s <- summary(fit)
  zph <- cox.zph(fit) # survival >= 3: transform = "km", terms = TRUE, global = TRUE
  bh <- basehaz(fit) # centered = TRUE (the default): cumulative hazard at the covariate means
  bh0 <- basehaz(fit, centered = FALSE) # at covariates all zero
  conc <- fit$concordance
  list(
    call = call_text, ties = fit$method, terms = I(names(coef(fit))),
    estimate = I(unname(coef(fit))), std_error = I(unname(s$coefficients[, "se(coef)"])),
    z_value = I(unname(s$coefficients[, "z"])), p_value = I(unname(s$coefficients[, "Pr(>|z|)"])),
    hazard_ratio = I(unname(exp(coef(fit)))),
    hazard_ratio_low = I(unname(s$conf.int[, "lower .95"])),
    hazard_ratio_high = I(unname(s$conf.int[, "upper .95"])),
    loglik_initial = fit$loglik[1], loglik_final = fit$loglik[2],
    # fit$score and fit$wald.test are unrounded (summary() rounds the Wald statistic to 2 decimals)
    score_test = unname(fit$score), wald_test = unname(fit$wald.test),
    lr_test = unname(s$logtest[1]), df = length(coef(fit)),
    score_p = pchisq(unname(fit$score), length(coef(fit)), lower.tail = FALSE),
    wald_p = pchisq(unname(fit$wald.test), length(coef(fit)), lower.tail = FALSE),
    lr_p = unname(s$logtest[3]),
    iterations = fit$iter, n = fit$n, n_events = fit$nevent,
    means = I(unname(fit$means)),
    vcov = unname(vcov(fit)),
    concordance = unname(conc["concordance"]),
    concordant = unname(conc["concordant"]), discordant = unname(conc["discordant"]),
    tied_x = unname(conc["tied.x"]), tied_y = unname(conc["tied.y"]), tied_xy = unname(conc["tied.xy"]),
    baseline_time = I(bh$time), baseline_cumhaz = I(bh$hazard), baseline_cumhaz_zero = I(bh0$hazard),
    zph_terms = I(rownames(zph$table)), zph_chisq = I(unname(zph$table[, "chisq"])),
    zph_df = I(unname(zph$table[, "df"])), zph_p = I(unname(zph$table[, "p"]))
  )
}

fit <- coxph(Surv(exit_months, left) ~ night_shift, data = tiny, ties = "efron")
write_json(cox_json(fit, "coxph(Surv(exit_months, left) ~ night_shift, data = tiny, ties = 'efron')"), "cox-tiny-efron")
fit <- coxph(Surv(exit_months, left) ~ night_shift, data = tiny, ties = "breslow")
write_json(cox_json(fit, "coxph(Surv(exit_months, left) ~ night_shift, data = tiny, ties = 'breslow')"), "cox-tiny-breslow")

f_large <- Surv(entry_months, exit_months, left) ~ age_years + overtime_hours_month + worker_type + high_risk_role
fit <- coxph(f_large, data = large, ties = "efron")
write_json(cox_json(fit, "coxph(Surv(entry_months, exit_months, left) ~ age_years + overtime_hours_month + worker_type + high_risk_role, data = large, ties = 'efron')"), "cox-large-efron")
fit <- coxph(f_large, data = large, ties = "breslow")
write_json(cox_json(fit, "coxph(Surv(entry_months, exit_months, left) ~ age_years + overtime_hours_month + worker_type + high_risk_role, data = large, ties = 'breslow')"), "cox-large-breslow")

cat("wrote", length(list.files(out_dir, pattern = "json$")), "files to", out_dir, "\n")
