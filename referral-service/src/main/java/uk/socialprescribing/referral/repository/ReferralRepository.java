package uk.socialprescribing.referral.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.referral.domain.Referral;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {
}
