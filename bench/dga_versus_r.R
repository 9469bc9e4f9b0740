# R's dga (bma.cr) on the reference tables, timed, for bench/dga_versus_r.sh.
#
#   Rscript bench/dga_versus_r.R SHARED_DIR REPEATS
#
# Needs R's dga: the installed package (library(dga)), or, where CRAN is out
# of reach, DGA_R_SOURCE naming a folder with the package's R functions
# (bma.R: CompLogML, integer.base.b, MakeCompMatrix, bma.cr) and its C++
# (utils.cpp, compiled here with Rcpp::sourceCpp). The graphs are enumerated
# here rather than taken from data(graphs4), so that both ways of loading
# run on the same graphs; the figures it prints are checked against
# REFERENCE.md section 1.7 by the shell script.
#
# Prints one line per table: its name, the seconds per bma.cr call (the
# median of REPEATS calls), and the posterior's mean, 2.5%, 50% and 97.5%
# quantiles of N.

args <- commandArgs(trailingOnly = TRUE)
shared <- args[1]
repeats <- as.integer(args[2])

source_dir <- Sys.getenv("DGA_R_SOURCE")
if (nzchar(source_dir)) {
  source(file.path(source_dir, "bma.R"))
  Rcpp::sourceCpp(file.path(source_dir, "utils.cpp"))
} else {
  suppressPackageStartupMessages(library(dga))
}

# Every decomposable graph on P lists, in dga's form: a list of cliques
# (vectors of list numbers) and, where there are any, the non-empty
# separators of a junction tree.
graph_parts <- function(adj) {
  p <- nrow(adj)
  # Maximum cardinality search; the graph is chordal if and only if every
  # vertex's neighbours numbered before it are joined to each other.
  numbered <- integer(0)
  while (length(numbered) < p) {
    rest <- setdiff(seq_len(p), numbered)
    weight <- sapply(rest, function(v) sum(adj[v, numbered]))
    v <- rest[which.max(weight)]
    earlier <- numbered[adj[v, numbered]]
    if (length(earlier) > 1 && !all(adj[earlier, earlier][upper.tri(diag(length(earlier)))]))
      return(NULL)
    numbered <- c(numbered, v)
  }
  # Maximal complete subsets.
  complete <- list()
  for (mask in 1:(2^p - 1)) {
    members <- which(bitwAnd(mask, 2^(0:(p - 1))) > 0)
    sub <- adj[members, members, drop = FALSE]
    if (length(members) == 1 || all(sub[upper.tri(sub)])) complete[[length(complete) + 1]] <- members
  }
  is_maximal <- sapply(complete, function(c) {
    !any(sapply(complete, function(d) length(d) > length(c) && all(c %in% d)))
  })
  cliques <- complete[is_maximal]
  # Junction tree: a spanning tree of the cliques that keeps the largest
  # intersections (Prim); its non-empty intersections are the separators.
  k <- length(cliques)
  separators <- list()
  if (k > 1) {
    in_tree <- 1
    while (length(in_tree) < k) {
      best <- c(-1, 0, 0)
      for (a in in_tree) for (b in setdiff(seq_len(k), in_tree)) {
        shared_lists <- intersect(cliques[[a]], cliques[[b]])
        if (length(shared_lists) > best[1]) best <- c(length(shared_lists), a, b)
      }
      s <- intersect(cliques[[best[2]]], cliques[[best[3]]])
      if (length(s) > 0) separators[[length(separators) + 1]] <- as.integer(s)
      in_tree <- c(in_tree, best[3])
    }
  }
  cliques <- lapply(cliques, as.integer)
  if (length(separators) > 0) list(cliques, separators) else list(cliques)
}

decomposable_graphs <- function(p) {
  pairs <- combn(p, 2)
  graphs <- list()
  for (g in 0:(2^ncol(pairs) - 1)) {
    adj <- matrix(FALSE, p, p)
    for (e in seq_len(ncol(pairs))) {
      if (bitwAnd(g, 2^(e - 1)) > 0) {
        adj[pairs[1, e], pairs[2, e]] <- TRUE
        adj[pairs[2, e], pairs[1, e]] <- TRUE
      }
    }
    parts <- graph_parts(adj)
    if (!is.null(parts)) graphs[[length(graphs) + 1]] <- parts
  }
  graphs
}

# A capture table from the shared CSV (columns list1..listK, count) as dga's
# array: dimension j is list j, index 1 = absent, 2 = present.
read_table <- function(file) {
  t <- read.csv(file)
  lists <- ncol(t) - 1
  Y <- array(0, dim = rep(2, lists))
  for (r in seq_len(nrow(t))) {
    index <- matrix(as.integer(t[r, 1:lists]) + 1, nrow = 1)
    Y[index] <- Y[index] + t$count[r]
  }
  Y
}

quantile_of <- function(N, cdf, q) N[which(cdf >= q)[1]]

run <- function(name, file, delta, Nmissing, graphs) {
  Y <- read_table(file.path(shared, "data", "mse", file))
  seconds <- numeric(repeats)
  for (r in seq_len(repeats)) {
    start <- proc.time()[["elapsed"]]
    weights <- bma.cr(Y, Nmissing, delta, graphs)
    seconds[r] <- proc.time()[["elapsed"]] - start
  }
  N <- Nmissing + sum(Y)
  posterior <- colSums(weights)
  cdf <- cumsum(posterior)
  cat(sprintf("%s %.4f %.2f %d %d %d\n", name, median(seconds), sum(N * posterior),
              quantile_of(N, cdf, 0.025), quantile_of(N, cdf, 0.5), quantile_of(N, cdf, 0.975)))
}

graphs4 <- decomposable_graphs(4)
if (length(graphs4) != 61) stop("expected 61 decomposable graphs on 4 lists, got ", length(graphs4))
run("kosovo", "kosovo_4list.csv", 1 / 16, 0:60000, graphs4)
run("hiv", "rcapture_hiv_4list.csv", 1 / 16, 0:100000, graphs4)
run("lesbian", "rcapture_lesbian_4list.csv", 1 / 16, 0:100000, graphs4)
run("diabetes", "rcapture_diabetes_4list.csv", 1 / 16, 0:100000, graphs4)
