-- The withdrawal and the triage decision were two records sharing decision_reason and decision_note: a referral
-- accepted then withdrawn could only ever show one of them. The withdrawal gets its own reason and note; the rows
-- already withdrawn move theirs across (a withdrawn referral was never declined or redirected, so the decision columns
-- held the withdrawal's).
alter table referral
    add column withdrawal_reason varchar(100),
    add column withdrawal_note   varchar(2000);

update referral
   set withdrawal_reason = decision_reason, withdrawal_note = decision_note, decision_reason = null, decision_note = null
 where status = 'WITHDRAWN';
