;; The commodity channel index (TA-Lib's CCI, ta_CCI.c) eight bars at a time,
;; on tiles of a series copied into this module's memory by cciTilesInto.ts.
;;
;; Why WebAssembly: each CCI value sums its window twice (the average, then
;; the mean absolute deviation), and each sum is a chain of dependent
;; additions in TA-Lib's circular-buffer slot order, which must be kept for
;; the result to be TA-Lib's to the bit. The JavaScript kernel overlaps four
;; bars' chains; here f64x2 lanes (addpd, subpd, andpd on x64) carry eight,
;; with no bounds checks.
;;
;; Layout: eight copies of TA-Lib's circular buffer, interleaved: slot j of
;; copy k at byte 64 * j + 8 * k, so one v128 load reads two copies' slot j.
;; Within a group of eight bars i .. i + 7, copy k holds the window of bar
;; i + k, and lane pair p (copies 2p, 2p + 1) is summed by accumulator p.
;; Every lane performs TA-Lib's operations in TA-Lib's order: the typical
;; price ((h + l) + c) / 3, the sum of slots 0 .. period - 1, its quotient by
;; period, the sum of |slot - average| in slot order, and
;; (tp - avg) / (0.015 * (dev / period)), 0 when tp - avg or dev is 0. So
;; each value equals cciWindow.ts's (and TA-Lib's) to the bit, NaN and
;; infinities included.
;;
;; Regenerate cciWasm.ts after editing:
;;   node --import tsx packages/features/scripts/generateWasm.ts
(module
  (memory (export "memory") 2)

  ;; `groups` groups of eight bars: highs, lows and closes at byte offsets
  ;; $h, $l, $c, CCI (times `scale`) to $o. The ring (at byte 0) holds the
  ;; window of the bar before the first, every copy alike, and `slot` is
  ;; the first bar's slot (its index mod period). Returns the slot after
  ;; the last bar; the ring is then that bar's window in every copy.
  (func (export "cci") (param $h i32) (param $l i32) (param $c i32) (param $o i32) (param $groups i32)
    (param $period i32) (param $slot i32) (param $scale f64) (result i32)
    (local $q i32) (local $qEnd i32) (local $end i32) (local $j i32)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $x v128) (local $n v128) (local $k v128) (local $third v128)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $s4 i32) (local $s5 i32) (local $s6 i32) (local $s7 i32)
    (local.set $n (f64x2.splat (f64.convert_i32_u (local.get $period))))
    (local.set $k (f64x2.splat (local.get $scale)))
    (local.set $third (f64x2.splat (f64.const 3)))
    (local.set $end (i32.shl (local.get $period) (i32.const 6)))
    (local.set $qEnd (i32.shl (local.get $groups) (i32.const 6)))
    (block $finished
      (loop $group
        (br_if $finished (i32.ge_u (local.get $q) (local.get $qEnd)))
        ;; Typical prices of the eight bars, two per vector.
        (local.set $t0 (f64x2.div (f64x2.add (f64x2.add
          (v128.load offset=0 (i32.add (local.get $h) (local.get $q)))
          (v128.load offset=0 (i32.add (local.get $l) (local.get $q))))
          (v128.load offset=0 (i32.add (local.get $c) (local.get $q)))) (local.get $third)))
        (local.set $t1 (f64x2.div (f64x2.add (f64x2.add
          (v128.load offset=16 (i32.add (local.get $h) (local.get $q)))
          (v128.load offset=16 (i32.add (local.get $l) (local.get $q))))
          (v128.load offset=16 (i32.add (local.get $c) (local.get $q)))) (local.get $third)))
        (local.set $t2 (f64x2.div (f64x2.add (f64x2.add
          (v128.load offset=32 (i32.add (local.get $h) (local.get $q)))
          (v128.load offset=32 (i32.add (local.get $l) (local.get $q))))
          (v128.load offset=32 (i32.add (local.get $c) (local.get $q)))) (local.get $third)))
        (local.set $t3 (f64x2.div (f64x2.add (f64x2.add
          (v128.load offset=48 (i32.add (local.get $h) (local.get $q)))
          (v128.load offset=48 (i32.add (local.get $l) (local.get $q))))
          (v128.load offset=48 (i32.add (local.get $c) (local.get $q)))) (local.get $third)))
        ;; The byte addresses of the eight bars' ring slots.
        (local.set $s0 (i32.shl (local.get $slot) (i32.const 6)))
        (local.set $s1 (i32.add (local.get $s0) (i32.const 64)))
        (if (i32.eq (local.get $s1) (local.get $end)) (then (local.set $s1 (i32.const 0))))
        (local.set $s2 (i32.add (local.get $s1) (i32.const 64)))
        (if (i32.eq (local.get $s2) (local.get $end)) (then (local.set $s2 (i32.const 0))))
        (local.set $s3 (i32.add (local.get $s2) (i32.const 64)))
        (if (i32.eq (local.get $s3) (local.get $end)) (then (local.set $s3 (i32.const 0))))
        (local.set $s4 (i32.add (local.get $s3) (i32.const 64)))
        (if (i32.eq (local.get $s4) (local.get $end)) (then (local.set $s4 (i32.const 0))))
        (local.set $s5 (i32.add (local.get $s4) (i32.const 64)))
        (if (i32.eq (local.get $s5) (local.get $end)) (then (local.set $s5 (i32.const 0))))
        (local.set $s6 (i32.add (local.get $s5) (i32.const 64)))
        (if (i32.eq (local.get $s6) (local.get $end)) (then (local.set $s6 (i32.const 0))))
        (local.set $s7 (i32.add (local.get $s6) (i32.const 64)))
        (if (i32.eq (local.get $s7) (local.get $end)) (then (local.set $s7 (i32.const 0))))
        ;; Bar i + m enters the windows of copies m .. 7 (bytes 8m .. 63 of its
        ;; slot), in bar order: a period under eight wraps, and a later bar's slot wins.
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t0))))
        (v128.store offset=0 (local.get $s0) (local.get $x))
        (v128.store offset=16 (local.get $s0) (local.get $x))
        (v128.store offset=32 (local.get $s0) (local.get $x))
        (v128.store offset=48 (local.get $s0) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t0))))
        (f64.store offset=8 (local.get $s1) (f64x2.extract_lane 1 (local.get $t0)))
        (v128.store offset=16 (local.get $s1) (local.get $x))
        (v128.store offset=32 (local.get $s1) (local.get $x))
        (v128.store offset=48 (local.get $s1) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t1))))
        (v128.store offset=16 (local.get $s2) (local.get $x))
        (v128.store offset=32 (local.get $s2) (local.get $x))
        (v128.store offset=48 (local.get $s2) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t1))))
        (f64.store offset=24 (local.get $s3) (f64x2.extract_lane 1 (local.get $t1)))
        (v128.store offset=32 (local.get $s3) (local.get $x))
        (v128.store offset=48 (local.get $s3) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t2))))
        (v128.store offset=32 (local.get $s4) (local.get $x))
        (v128.store offset=48 (local.get $s4) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t2))))
        (f64.store offset=40 (local.get $s5) (f64x2.extract_lane 1 (local.get $t2)))
        (v128.store offset=48 (local.get $s5) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t3))))
        (v128.store offset=48 (local.get $s6) (local.get $x))
        (f64.store offset=56 (local.get $s7) (f64x2.extract_lane 1 (local.get $t3)))
        ;; The average: each copy's slots summed in slot order.
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $j (i32.const 0))
        (loop $sum
          (local.set $a0 (f64x2.add (local.get $a0) (v128.load offset=0 (local.get $j))))
          (local.set $a1 (f64x2.add (local.get $a1) (v128.load offset=16 (local.get $j))))
          (local.set $a2 (f64x2.add (local.get $a2) (v128.load offset=32 (local.get $j))))
          (local.set $a3 (f64x2.add (local.get $a3) (v128.load offset=48 (local.get $j))))
          (local.set $j (i32.add (local.get $j) (i32.const 64)))
          (br_if $sum (i32.lt_u (local.get $j) (local.get $end))))
        (local.set $a0 (f64x2.div (local.get $a0) (local.get $n)))
        (local.set $a1 (f64x2.div (local.get $a1) (local.get $n)))
        (local.set $a2 (f64x2.div (local.get $a2) (local.get $n)))
        (local.set $a3 (f64x2.div (local.get $a3) (local.get $n)))
        ;; The mean deviation's sum, in slot order.
        (local.set $d0 (v128.const f64x2 0 0))
        (local.set $d1 (v128.const f64x2 0 0))
        (local.set $d2 (v128.const f64x2 0 0))
        (local.set $d3 (v128.const f64x2 0 0))
        (local.set $j (i32.const 0))
        (loop $dev
          (local.set $d0 (f64x2.add (local.get $d0)
            (f64x2.abs (f64x2.sub (v128.load offset=0 (local.get $j)) (local.get $a0)))))
          (local.set $d1 (f64x2.add (local.get $d1)
            (f64x2.abs (f64x2.sub (v128.load offset=16 (local.get $j)) (local.get $a1)))))
          (local.set $d2 (f64x2.add (local.get $d2)
            (f64x2.abs (f64x2.sub (v128.load offset=32 (local.get $j)) (local.get $a2)))))
          (local.set $d3 (f64x2.add (local.get $d3)
            (f64x2.abs (f64x2.sub (v128.load offset=48 (local.get $j)) (local.get $a3)))))
          (local.set $j (i32.add (local.get $j) (i32.const 64)))
          (br_if $dev (i32.lt_u (local.get $j) (local.get $end))))
        ;; TA-Lib's value, u / (0.015 * (dev / period)) with u = tp - avg, 0
        ;; where u or dev is 0, times `scale`.
        (local.set $x (f64x2.sub (local.get $t0) (local.get $a0)))
        (v128.store offset=0 (i32.add (local.get $o) (local.get $q))
          (f64x2.mul
            (v128.bitselect
              (f64x2.div (local.get $x)
                (f64x2.mul (v128.const f64x2 0.015 0.015) (f64x2.div (local.get $d0) (local.get $n))))
              (v128.const f64x2 0 0)
              (v128.and
                (f64x2.ne (local.get $x) (v128.const f64x2 0 0))
                (f64x2.ne (local.get $d0) (v128.const f64x2 0 0))))
            (local.get $k)))
        (local.set $x (f64x2.sub (local.get $t1) (local.get $a1)))
        (v128.store offset=16 (i32.add (local.get $o) (local.get $q))
          (f64x2.mul
            (v128.bitselect
              (f64x2.div (local.get $x)
                (f64x2.mul (v128.const f64x2 0.015 0.015) (f64x2.div (local.get $d1) (local.get $n))))
              (v128.const f64x2 0 0)
              (v128.and
                (f64x2.ne (local.get $x) (v128.const f64x2 0 0))
                (f64x2.ne (local.get $d1) (v128.const f64x2 0 0))))
            (local.get $k)))
        (local.set $x (f64x2.sub (local.get $t2) (local.get $a2)))
        (v128.store offset=32 (i32.add (local.get $o) (local.get $q))
          (f64x2.mul
            (v128.bitselect
              (f64x2.div (local.get $x)
                (f64x2.mul (v128.const f64x2 0.015 0.015) (f64x2.div (local.get $d2) (local.get $n))))
              (v128.const f64x2 0 0)
              (v128.and
                (f64x2.ne (local.get $x) (v128.const f64x2 0 0))
                (f64x2.ne (local.get $d2) (v128.const f64x2 0 0))))
            (local.get $k)))
        (local.set $x (f64x2.sub (local.get $t3) (local.get $a3)))
        (v128.store offset=48 (i32.add (local.get $o) (local.get $q))
          (f64x2.mul
            (v128.bitselect
              (f64x2.div (local.get $x)
                (f64x2.mul (v128.const f64x2 0.015 0.015) (f64x2.div (local.get $d3) (local.get $n))))
              (v128.const f64x2 0 0)
              (v128.and
                (f64x2.ne (local.get $x) (v128.const f64x2 0 0))
                (f64x2.ne (local.get $d3) (v128.const f64x2 0 0))))
            (local.get $k)))
        ;; Bring every copy up to bar i + 7: each of the eight slots, in bar
        ;; order, to its bar's typical price in all copies.
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t0))))
        (v128.store offset=0 (local.get $s0) (local.get $x))
        (v128.store offset=16 (local.get $s0) (local.get $x))
        (v128.store offset=32 (local.get $s0) (local.get $x))
        (v128.store offset=48 (local.get $s0) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t0))))
        (v128.store offset=0 (local.get $s1) (local.get $x))
        (v128.store offset=16 (local.get $s1) (local.get $x))
        (v128.store offset=32 (local.get $s1) (local.get $x))
        (v128.store offset=48 (local.get $s1) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t1))))
        (v128.store offset=0 (local.get $s2) (local.get $x))
        (v128.store offset=16 (local.get $s2) (local.get $x))
        (v128.store offset=32 (local.get $s2) (local.get $x))
        (v128.store offset=48 (local.get $s2) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t1))))
        (v128.store offset=0 (local.get $s3) (local.get $x))
        (v128.store offset=16 (local.get $s3) (local.get $x))
        (v128.store offset=32 (local.get $s3) (local.get $x))
        (v128.store offset=48 (local.get $s3) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t2))))
        (v128.store offset=0 (local.get $s4) (local.get $x))
        (v128.store offset=16 (local.get $s4) (local.get $x))
        (v128.store offset=32 (local.get $s4) (local.get $x))
        (v128.store offset=48 (local.get $s4) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t2))))
        (v128.store offset=0 (local.get $s5) (local.get $x))
        (v128.store offset=16 (local.get $s5) (local.get $x))
        (v128.store offset=32 (local.get $s5) (local.get $x))
        (v128.store offset=48 (local.get $s5) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 0 (local.get $t3))))
        (v128.store offset=0 (local.get $s6) (local.get $x))
        (v128.store offset=16 (local.get $s6) (local.get $x))
        (v128.store offset=32 (local.get $s6) (local.get $x))
        (v128.store offset=48 (local.get $s6) (local.get $x))
        (local.set $x (f64x2.splat (f64x2.extract_lane 1 (local.get $t3))))
        (v128.store offset=0 (local.get $s7) (local.get $x))
        (v128.store offset=16 (local.get $s7) (local.get $x))
        (v128.store offset=32 (local.get $s7) (local.get $x))
        (v128.store offset=48 (local.get $s7) (local.get $x))
        (local.set $slot (i32.rem_u (i32.add (local.get $slot) (i32.const 8)) (local.get $period)))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))
        (br $group)))
    (local.get $slot)))
