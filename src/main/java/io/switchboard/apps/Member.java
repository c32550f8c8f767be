package io.switchboard.apps;

import java.io.Serializable;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "app_members")
@IdClass(Member.Key.class)
public class Member extends PanacheEntityBase {
    @Id
    @Column(name = "app_id")
    public String appId;
    @Id
    @Column(name = "user_name")
    public String user;
    @Enumerated(EnumType.STRING)
    public Role role;

    public record Key(String appId, String user) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static Member find(String appId, String user) {
        return findById(new Key(appId, user));
    }

    public static List<Member> ofApp(String appId) {
        return list("appId = ?1 order by user", appId);
    }
}
