;; Rolling window extremes for the fast %K, Williams %R, Donchian and Aroon kernels,
;; on tiles of a series copied into this module's memory by windowTiles.ts.
;;
;; Why WebAssembly: TA-Lib's C compiles the compare-and-keep steps of its
;; window rescans to branch-free maxsd/minsd; V8 compiles the same JavaScript
;; to a branch per comparison, which market data mispredicts. Here every
;; extreme comes from f64x2.pmax / f64x2.pmin (one maxpd / minpd on x64, no
;; branches), two lanes at a time, over a sparse table: level s holds the
;; extreme of 2s consecutive values, built in place from level s/2, and the
;; extreme of a window of `period` values is that of two overlapping blocks
;; of w = the largest power of two <= period.
;;
;; Exactness: a max or min of finite non-zero values is one of the values, so
;; the window's highest and lowest are exactly TA-Lib's; the range and the
;; output are then computed with TA-Lib's arithmetic for every bar (TA-Lib
;; recomputes the range only when an extreme changes, from the same two
;; values, so the result is the same). `levels` reports a NaN or a zero in
;; the highs or lows, where pmax/pmin and TA-Lib's `>=` rescans can differ
;; (NaN order, the sign of zero); the caller then uses its JavaScript loop.
;;
;; Regenerate windowExtremesWasm.ts after editing:
;;   node --import tsx packages/features/scripts/generateWasm.ts
(module
  (memory (export "memory") 2)

  ;; 1 when one of `m` highs at byte offset $h or `m` lows at $l (read in
  ;; pairs, so with one slack value when `m` is odd) is NaN or zero, else 0.
  (func $badValues (param $h i32) (param $l i32) (param $m i32) (result i32)
    (local $q i32) (local $end i32) (local $a v128) (local $b v128) (local $bad v128)
    (local.set $end (i32.shl (local.get $m) (i32.const 3)))
    (block $scanned
      (loop $scan
        (br_if $scanned (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $a (v128.load (i32.add (local.get $h) (local.get $q))))
        (local.set $b (v128.load (i32.add (local.get $l) (local.get $q))))
        ;; NaN: x != x; zero (either sign): x == 0
        (local.set $bad
          (v128.or (local.get $bad)
            (v128.or
              (v128.or (f64x2.ne (local.get $a) (local.get $a)) (f64x2.ne (local.get $b) (local.get $b)))
              (v128.or (f64x2.eq (local.get $a) (v128.const f64x2 0 0)) (f64x2.eq (local.get $b) (v128.const f64x2 0 0))))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $scan)))
    (v128.any_true (local.get $bad)))

  ;; In place over `m` highs at byte offset $h and `m` lows at $l (each with
  ;; two slack values after them): levels s = 1, 2, 4, .. < $w. Afterwards
  ;; entry q holds the extreme of values q .. q + w - 1. Returns 1 when a
  ;; high or low is NaN or zero (the caller must not use the results), else 0.
  (func (export "levels") (param $h i32) (param $l i32) (param $m i32) (param $w i32) (result i32)
    (local $q i32) (local $end i32) (local $s i32) (local $sb i32) (local $len i32)
    (if (call $badValues (local.get $h) (local.get $l) (local.get $m)) (then (return (i32.const 1))))
    (local.set $len (local.get $m))
    (local.set $s (i32.const 1))
    (block $built
      (loop $level
        (br_if $built (i32.ge_u (local.get $s) (local.get $w)))
        (local.set $len (i32.sub (local.get $len) (local.get $s)))
        (local.set $sb (i32.shl (local.get $s) (i32.const 3)))
        (local.set $end (i32.shl (local.get $len) (i32.const 3)))
        (local.set $q (i32.const 0))
        (block $done
          (loop $pair
            (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
            (v128.store (i32.add (local.get $h) (local.get $q))
              (f64x2.pmax
                (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $sb)))
                (v128.load (i32.add (local.get $h) (local.get $q)))))
            (v128.store (i32.add (local.get $l) (local.get $q))
              (f64x2.pmin
                (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $sb)))
                (v128.load (i32.add (local.get $l) (local.get $q)))))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $pair)))
        (local.set $s (i32.shl (local.get $s) (i32.const 1)))
        (br $level)))
    (i32.const 0))

  ;; Fast %K for `t` bars: highest = max(level[q], level[q + off]), lowest
  ;; likewise; `diff = (highest - lowest) / 100`,
  ;; `out = diff != 0 ? (close - lowest) / diff : 0`. Writes an even count
  ;; of values at $o (one slack value when `t` is odd).
  (func (export "fastK") (param $h i32) (param $l i32) (param $c i32) (param $o i32) (param $t i32) (param $off i32)
    (local $q i32) (local $end i32) (local $hv v128) (local $lv v128) (local $d v128)
    (local.set $end (i32.shl (local.get $t) (i32.const 3)))
    (local.set $off (i32.shl (local.get $off) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $hv
          (f64x2.pmax
            (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $h) (local.get $q)))))
        (local.set $lv
          (f64x2.pmin
            (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $l) (local.get $q)))))
        (local.set $d (f64x2.div (f64x2.sub (local.get $hv) (local.get $lv)) (v128.const f64x2 100 100)))
        (v128.store (i32.add (local.get $o) (local.get $q))
          (v128.bitselect
            (f64x2.div (f64x2.sub (v128.load (i32.add (local.get $c) (local.get $q))) (local.get $lv)) (local.get $d))
            (v128.const f64x2 0 0)
            (f64x2.ne (local.get $d) (v128.const f64x2 0 0))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $pair))))

  ;; Williams %R times `scale` for `t` bars: `diff = (highest - lowest) / -100`,
  ;; `out = (diff != 0 ? (highest - close) / diff : 0) * scale`.
  (func (export "williamsR") (param $h i32) (param $l i32) (param $c i32) (param $o i32) (param $t i32) (param $off i32) (param $scale f64)
    (local $q i32) (local $end i32) (local $hv v128) (local $lv v128) (local $d v128) (local $sv v128)
    (local.set $end (i32.shl (local.get $t) (i32.const 3)))
    (local.set $off (i32.shl (local.get $off) (i32.const 3)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $hv
          (f64x2.pmax
            (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $h) (local.get $q)))))
        (local.set $lv
          (f64x2.pmin
            (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $l) (local.get $q)))))
        (local.set $d (f64x2.div (f64x2.sub (local.get $hv) (local.get $lv)) (v128.const f64x2 -100 -100)))
        (v128.store (i32.add (local.get $o) (local.get $q))
          (f64x2.mul
            (v128.bitselect
              (f64x2.div (f64x2.sub (local.get $hv) (v128.load (i32.add (local.get $c) (local.get $q)))) (local.get $d))
              (v128.const f64x2 0 0)
              (f64x2.ne (local.get $d) (v128.const f64x2 0 0)))
            (local.get $sv)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $pair))))

  ;; Donchian bands for `t` bars: upper = highest, lower = lowest,
  ;; middle = (highest + lowest) / 2, at $u, $lo and $mid.
  (func (export "bands") (param $h i32) (param $l i32) (param $u i32) (param $lo i32) (param $mid i32) (param $t i32) (param $off i32)
    (local $q i32) (local $end i32) (local $hv v128) (local $lv v128)
    (local.set $end (i32.shl (local.get $t) (i32.const 3)))
    (local.set $off (i32.shl (local.get $off) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $hv
          (f64x2.pmax
            (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $h) (local.get $q)))))
        (local.set $lv
          (f64x2.pmin
            (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $l) (local.get $q)))))
        (v128.store (i32.add (local.get $u) (local.get $q)) (local.get $hv))
        (v128.store (i32.add (local.get $lo) (local.get $q)) (local.get $lv))
        (v128.store (i32.add (local.get $mid) (local.get $q))
          (f64x2.div (f64x2.add (local.get $hv) (local.get $lv)) (v128.const f64x2 2 2)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $pair))))

  ;; The pipeline's Donchian position and width for `t` bars:
  ;; `w = highest - lowest`, `pos = w != 0 ? (close - lowest) / w : 0.5`
  ;; (NaN when w is NaN, as NaN != 0), `width = w / ((highest + lowest) / 2)`.
  (func (export "position") (param $h i32) (param $l i32) (param $c i32) (param $pos i32) (param $width i32) (param $t i32) (param $off i32)
    (local $q i32) (local $end i32) (local $hv v128) (local $lv v128) (local $w v128)
    (local.set $end (i32.shl (local.get $t) (i32.const 3)))
    (local.set $off (i32.shl (local.get $off) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $hv
          (f64x2.pmax
            (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $h) (local.get $q)))))
        (local.set $lv
          (f64x2.pmin
            (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $l) (local.get $q)))))
        (local.set $w (f64x2.sub (local.get $hv) (local.get $lv)))
        (v128.store (i32.add (local.get $pos) (local.get $q))
          (v128.bitselect
            (f64x2.div (f64x2.sub (v128.load (i32.add (local.get $c) (local.get $q))) (local.get $lv)) (local.get $w))
            (v128.const f64x2 0.5 0.5)
            (f64x2.ne (local.get $w) (v128.const f64x2 0 0))))
        (v128.store (i32.add (local.get $width) (local.get $q))
          (f64x2.div (local.get $w)
            (f64x2.div (f64x2.add (local.get $hv) (local.get $lv)) (v128.const f64x2 2 2))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $pair))))

  ;; Like `levels`, and keeps where each extreme is: entry q of the index
  ;; regions $hi and $li (float64 positions within the tile) holds the last
  ;; position of the highest (lowest) of values q .. q + w - 1, so that a
  ;; later equal value wins, as in TA-Lib's `>=` / `<=` rescans. Returns 1
  ;; when a high or low is NaN or zero, else 0.
  (func (export "levelsIndexed") (param $h i32) (param $l i32) (param $hi i32) (param $li i32) (param $m i32) (param $w i32) (result i32)
    (local $q i32) (local $end i32) (local $s i32) (local $sb i32) (local $len i32)
    (local $a v128) (local $b v128) (local $pos v128) (local $take v128)
    (if (call $badValues (local.get $h) (local.get $l) (local.get $m)) (then (return (i32.const 1))))
    ;; level 0: each value is its own extreme, at its own position
    (local.set $end (i32.shl (local.get $m) (i32.const 3)))
    (local.set $pos (v128.const f64x2 0 1))
    (block $placed
      (loop $place
        (br_if $placed (i32.ge_u (local.get $q) (local.get $end)))
        (v128.store (i32.add (local.get $hi) (local.get $q)) (local.get $pos))
        (v128.store (i32.add (local.get $li) (local.get $q)) (local.get $pos))
        (local.set $pos (f64x2.add (local.get $pos) (v128.const f64x2 2 2)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $place)))
    (local.set $len (local.get $m))
    (local.set $s (i32.const 1))
    (block $built
      (loop $level
        (br_if $built (i32.ge_u (local.get $s) (local.get $w)))
        (local.set $len (i32.sub (local.get $len) (local.get $s)))
        (local.set $sb (i32.shl (local.get $s) (i32.const 3)))
        (local.set $end (i32.shl (local.get $len) (i32.const 3)))
        (local.set $q (i32.const 0))
        (block $done
          (loop $pair
            (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
            ;; highs: the later block wins when its extreme is >= the earlier one's
            (local.set $a (v128.load (i32.add (local.get $h) (local.get $q))))
            (local.set $b (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $sb))))
            (local.set $take (f64x2.ge (local.get $b) (local.get $a)))
            (v128.store (i32.add (local.get $h) (local.get $q)) (v128.bitselect (local.get $b) (local.get $a) (local.get $take)))
            (v128.store (i32.add (local.get $hi) (local.get $q))
              (v128.bitselect
                (v128.load (i32.add (i32.add (local.get $hi) (local.get $q)) (local.get $sb)))
                (v128.load (i32.add (local.get $hi) (local.get $q)))
                (local.get $take)))
            ;; lows: the later block wins when its extreme is <= the earlier one's
            (local.set $a (v128.load (i32.add (local.get $l) (local.get $q))))
            (local.set $b (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $sb))))
            (local.set $take (f64x2.le (local.get $b) (local.get $a)))
            (v128.store (i32.add (local.get $l) (local.get $q)) (v128.bitselect (local.get $b) (local.get $a) (local.get $take)))
            (v128.store (i32.add (local.get $li) (local.get $q))
              (v128.bitselect
                (v128.load (i32.add (i32.add (local.get $li) (local.get $q)) (local.get $sb)))
                (v128.load (i32.add (local.get $li) (local.get $q)))
                (local.get $take)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $pair)))
        (local.set $s (i32.shl (local.get $s) (i32.const 1)))
        (br $level)))
    (i32.const 0))

  ;; Aroon up and down times `scale` for `t` bars, after `levelsIndexed` over
  ;; windows of `period + 1`: bar q of the tile is at position q + period,
  ;; `up = 100 / period * (period - (q + period - highest's position)) * scale`
  ;; (the factor 100 / period is passed in, computed as the caller does).
  (func (export "aroon") (param $h i32) (param $l i32) (param $hi i32) (param $li i32) (param $up i32) (param $down i32)
        (param $t i32) (param $off i32) (param $period f64) (param $factor f64) (param $scale f64)
    (local $q i32) (local $end i32) (local $take v128) (local $idx v128) (local $at v128)
    (local $pv v128) (local $fv v128) (local $sv v128)
    (local.set $end (i32.shl (local.get $t) (i32.const 3)))
    (local.set $off (i32.shl (local.get $off) (i32.const 3)))
    (local.set $pv (f64x2.splat (local.get $period)))
    (local.set $fv (f64x2.splat (local.get $factor)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    ;; positions of bars q, q + 1 in the tile: q + period
    (local.set $at (f64x2.add (v128.const f64x2 0 1) (local.get $pv)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $take
          (f64x2.ge
            (v128.load (i32.add (i32.add (local.get $h) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $h) (local.get $q)))))
        (local.set $idx
          (v128.bitselect
            (v128.load (i32.add (i32.add (local.get $hi) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $hi) (local.get $q)))
            (local.get $take)))
        (v128.store (i32.add (local.get $up) (local.get $q))
          (f64x2.mul
            (f64x2.mul (local.get $fv) (f64x2.sub (local.get $pv) (f64x2.sub (local.get $at) (local.get $idx))))
            (local.get $sv)))
        (local.set $take
          (f64x2.le
            (v128.load (i32.add (i32.add (local.get $l) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $l) (local.get $q)))))
        (local.set $idx
          (v128.bitselect
            (v128.load (i32.add (i32.add (local.get $li) (local.get $q)) (local.get $off)))
            (v128.load (i32.add (local.get $li) (local.get $q)))
            (local.get $take)))
        (v128.store (i32.add (local.get $down) (local.get $q))
          (f64x2.mul
            (f64x2.mul (local.get $fv) (f64x2.sub (local.get $pv) (f64x2.sub (local.get $at) (local.get $idx))))
            (local.get $sv)))
        (local.set $at (f64x2.add (local.get $at) (v128.const f64x2 2 2)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $pair))))
)
