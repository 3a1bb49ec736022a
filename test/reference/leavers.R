# Reference values for the leaver transforms (src/transforms/retention*.ts, three-year.ts) from R's
# survival package, on one department's officers from the synthetic demo force (1,500-person generation,
# seed 20250401, department D3-RESP; test/fixtures/leavers/d3-resp-officers.csv, anonymous synthetic data).
# Run from the repository root:  Rscript test/reference/leavers.R
# Steps: (1) read the fixture and derive tenure exactly as deriveRetentionData documents it; (2) fit
# Kaplan–Meier, Aalen–Johansen, the log-rank (Cox score, delayed entry) and medians, overall and by sex;
# (3) write CSVs (17 significant digits, NA as "NA") and versions.json into test/reference/leavers/.
suppressPackageStartupMessages(library(survival))

fixture <- "test/fixtures/leavers/d3-resp-officers.csv"
out <- "test/reference/leavers"
if (!file.exists(fixture)) stop("run this script from the repository root")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_ref <- function(rows, name) {
  df <- do.call(rbind, rows)
  num <- vapply(df, is.numeric, logical(1))
  df[num] <- lapply(df[num], fmt)
  write.table(df, file.path(out, name), sep = ",", quote = FALSE, row.names = FALSE)
}

# (1) Tenure in days served: last day - start_date + 1 (last day = end_date, or the data end for people in
# post); entry = days served before the window opened (0 for joiners in the window); years of 365.25 days.
d <- read.csv(fixture, colClasses = "character", na.strings = "")
window_start <- as.numeric(as.Date("2020-04-01"))
data_end <- as.numeric(as.Date("2025-03-31"))
start <- as.numeric(as.Date(d$start_date))
end <- as.numeric(as.Date(d$end_date))
left <- !is.na(end) & end <= data_end
last <- ifelse(left, end, data_end)
keep <- start <= data_end & last >= window_start
d <- d[keep, ]; start <- start[keep]; last <- last[keep]; left <- left[keep]
d$entry <- pmax(0, window_start - start) / 365.25
d$time <- (last - start + 1) / 365.25
d$left <- as.integer(left)
d$cause <- ifelse(left, d$leaver_type, NA)
d$sex[is.na(d$sex)] <- "missing"
grid <- seq(0.25, max(d$time), by = 0.25)

km_rows <- list(); grid_rows <- list(); aj_rows <- list(); median_rows <- list()
curves <- list(all = d, female = d[d$sex == "female", ], male = d[d$sex == "male", ])
for (name in names(curves)) {
  x <- curves[[name]]
  # (2a) Kaplan–Meier, Greenwood variance, log intervals (R's default).
  f <- survfit(Surv(x$entry, x$time, x$left) ~ 1)
  km_rows[[name]] <- data.frame(curve = name, time = f$time, n_risk = f$n.risk, n_event = f$n.event,
                                surv = f$surv, std_err = f$std.err, lower = f$lower, upper = f$upper)
  g <- grid[grid <= max(x$time)]
  s <- summary(f, times = g)
  grid_rows[[name]] <- data.frame(curve = name, time = s$time, n_risk = s$n.risk, surv = s$surv,
                                  lower = s$lower, upper = s$upper)
  tab <- summary(f)$table
  median_rows[[name]] <- data.frame(curve = name, median = tab[["median"]],
                                    lower = tab[["0.95LCL"]], upper = tab[["0.95UCL"]])
  # (2b) Aalen–Johansen: cumulative incidence of voluntary resignation, other exits competing.
  causes <- sort(unique(x$cause[!is.na(x$cause)]))
  status <- factor(ifelse(is.na(x$cause), "censored", x$cause), levels = c("censored", causes))
  a <- survfit(Surv(x$entry, x$time, status) ~ 1, id = x$person_id)
  col <- match("voluntary_resignation", a$states)
  sa <- summary(a, times = sort(unique(c(g, 3))))
  aj_rows[[name]] <- data.frame(curve = name, time = sa$time, cif = sa$pstate[, col],
                                std_err = sa$std.err[, col], lower = sa$lower[, col],
                                upper = sa$upper[, col])
}
write_ref(km_rows, "km.csv")
write_ref(grid_rows, "km-grid.csv")
write_ref(aj_rows, "aj-grid.csv")
write_ref(median_rows, "median.csv")

# (2c) The 3-year point by sex: cumulative incidence at 3 years and the relative likelihood female / male
# with the log-scale interval exp(log RL +- z sqrt((se_f / p_f)^2 + (se_m / p_m)^2)).
at3 <- function(name) {
  r <- aj_rows[[name]]
  r[r$time == 3, ]
}
f3 <- at3("female"); m3 <- at3("male")
rl <- f3$cif / m3$cif
se_log <- sqrt((f3$std_err / f3$cif)^2 + (m3$std_err / m3$cif)^2)
z <- qnorm(0.975)
write_ref(list(data.frame(sex = c("female", "male"), cif = c(f3$cif, m3$cif),
                          std_err = c(f3$std_err, m3$std_err),
                          relative_likelihood = c(rl, NA), lower = c(rl * exp(-z * se_log), NA),
                          upper = c(rl * exp(z * se_log), NA))), "three-year.csv")

# (2d) Log-rank with delayed entry: the score test of coxph with exact ties (women vs men).
fm <- d[d$sex %in% c("female", "male"), ]
cx <- coxph(Surv(fm$entry, fm$time, fm$left) ~ factor(fm$sex), ties = "exact")
write_ref(list(data.frame(test = "coxph_score_exact", chisq = cx$score, df = 1,
                          p_value = pchisq(cx$score, 1, lower.tail = FALSE))), "logrank.csv")

# (3) Which R produced these files.
writeLines(sprintf('{\n  "r_version": "%s",\n  "survival_version": "%s"\n}',
                   R.version.string, as.character(packageVersion("survival"))),
           file.path(out, "versions.json"))
